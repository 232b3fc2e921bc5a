//! The wasm module's start function. Mounting is done by `embed/embed.js`,
//! which both the standalone pages and embedding pages load: it tells the
//! module where the bundle's files are, then mounts every widget on the page.

fn main() {
    feature_matrix::start();
}

/// Talc instead of the default dlmalloc: smaller code. The wasm is
/// single-threaded, so it takes no lock.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };
