use clap::Parser;

/// mimalloc keeps a million small records in less memory than the system allocator, and
/// allocates and frees them faster on every core.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use entente::cli::{Args, Command};

fn main() -> std::process::ExitCode {
    let args = Args::parse();
    let result = match args.command {
        None => entente::app::run(entente::app::Start::Samples),
        Some(Command::Open { path }) => entente::app::run(entente::app::Start::Path(path)),
        Some(command) => entente::cli::run(command),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("entente: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
