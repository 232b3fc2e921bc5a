//! The wasm module's start function. Mounting is done by `embed/embed.js`,
//! which both the standalone pages and embedding pages load: it tells the
//! module where the bundle's files are, then mounts every widget on the page.

fn main() {
    feature_matrix::start();
}
