//! Entry point of the Raccordo desktop app: everything lives in the library crate.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    std::process::exit(raccordo_desktop::run());
}
