//! The `raccordo` command line (see `cli` for the contract).

mod cli;

fn main() -> std::process::ExitCode {
    cli::run(std::env::args_os())
}
