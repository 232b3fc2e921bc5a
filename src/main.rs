//! Standalone entry point: mounts every `[data-feature-matrix]` element of `index.html`.

fn main() {
    feature_matrix::mount_all();
}
