fn main() {
    std::process::exit(errcode::cli::main());
}
