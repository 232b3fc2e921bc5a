//! The `feature-matrix` command line: exit codes, messages, import, schema,
//! diff, render, and the hostile corpus under `tests/hostile/`.
//!
//! One set of tests for both builds of the command: the native binary, and,
//! when `FEATURE_MATRIX_CLI` names it, another one: `cargo xtask test` points
//! it at `npx feature-matrix` of the npm package installed from its tarball.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

#[path = "../../../tests/hostile-yaml/generated.rs"]
mod generated;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

/// The command under test: `FEATURE_MATRIX_CLI`, else the native binary.
fn command() -> Command {
    match std::env::var_os("FEATURE_MATRIX_CLI") {
        Some(program) => Command::new(program),
        None => Command::new(env!("CARGO_BIN_EXE_feature-matrix")),
    }
}

fn cli(args: &[&str]) -> Output {
    command()
        .args(args)
        .current_dir(root())
        .output()
        .expect("the feature-matrix command runs")
}

/// The command with `input` on its standard input.
fn cli_with_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = command()
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the feature-matrix command runs");
    child
        .stdin
        .take()
        .expect("a piped stdin")
        .write_all(input)
        .expect("the command reads its input");
    child.wait_with_output().expect("the command ends")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn temp_file(name: &str, contents: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("fm-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn validate_accepts_the_bundled_catalogues() {
    let o = cli(&["validate", "data/features.zh.json", "data/features.en.json"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("data/features.zh.json: ok (42 features, 3 stages, 5 categories)"));
}

#[test]
fn validate_reports_every_problem_with_its_path_and_exits_1() {
    let bad = std::fs::read_to_string(root().join("data/features.en.json"))
        .unwrap()
        .replacen("\"stage\": \"beta\"", "\"stage\": \"gamma\"", 1)
        .replacen(
            "\"link\": \"/docs/setup/\"",
            "\"link\": \"javascript:alert(1)\"",
            1,
        );
    let path = temp_file("bad.json", bad.as_bytes());
    let o = cli(&["validate", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("2 problem(s)"), "{out}");
    assert!(
        out.contains("features[7].stage: unknown stage \"gamma\"; known: alpha, beta, stable"),
        "{out}"
    );
    assert!(
        out.contains("features[31].link: link scheme \"javascript:\" is not allowed"),
        "{out}"
    );
}

#[test]
fn validate_json_format_is_machine_readable() {
    let path = temp_file("syntax.json", b"{\n  \"version\": 1,\n  oops\n}");
    let o = cli(&[
        "validate",
        "--format",
        "json",
        path.to_str().unwrap(),
        "data/features.zh.json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(report[0]["valid"], false);
    assert_eq!(report[0]["problems"][0]["path"], "$");
    assert_eq!(
        report[0]["problems"][0]["message"],
        "JSON syntax error at line 3, column 3: key must be a string"
    );
    assert_eq!(report[1]["valid"], true);
}

#[test]
fn validate_exits_2_for_missing_files_and_bad_usage() {
    assert_eq!(
        cli(&["validate", "no/such/file.json"]).status.code(),
        Some(2)
    );
    assert_eq!(cli(&["validate"]).status.code(), Some(2));
    assert_eq!(cli(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn import_of_the_seed_page_equals_the_bundled_catalogue_but_for_its_listed_correction() {
    let seed = root().join("../shared/seeds/000_ec1c4c1afbf8d4fc.txt");
    let seed = if seed.exists() {
        seed
    } else {
        root().join("crates/catalogue/tests/seed.md")
    };
    let o = cli(&[
        "import",
        seed.to_str().unwrap(),
        "--base-url",
        "https://istio.io",
        "--ids-from",
        "data/features.zh.json",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let mut imported: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let bundled: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("data/features.zh.json")).unwrap(),
    )
    .unwrap();
    // The one correction listed in data/README.md: 谈性 (a typo) → 弹性 (resilience).
    let resilience = &mut imported["features"][3]["name"];
    assert_eq!(resilience, "谈性功能: 超时， 重试， 连接池，异常检测");
    *resilience = "弹性功能: 超时， 重试， 连接池，异常检测".into();
    assert_eq!(imported, bundled);
}

#[test]
fn import_without_ids_derives_them_from_anchors_and_names() {
    let seed = root().join("crates/catalogue/tests/seed.md");
    let o = cli(&["import", seed.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let c: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(c["locale"], "zh");
    assert_eq!(c["categories"][0]["id"], "traffic-management");
    assert_eq!(c["features"].as_array().unwrap().len(), 42);
    assert_eq!(c["features"][0]["id"], "http1-1-http2-grpc-tcp");
    assert_eq!(c["features"][41]["note"], serde_json::Value::Null);
    assert_eq!(c["aspects"][4]["label"], "安全性");
}

#[test]
fn schema_command_prints_the_checked_in_schema() {
    let o = cli(&["schema"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o),
        std::fs::read_to_string(root().join("data/catalogue.schema.json")).unwrap()
    );
}

#[test]
fn diff_reports_drift_between_locales_and_exits_1() {
    assert_eq!(
        cli(&["diff", "data/features.zh.json", "data/features.en.json"])
            .status
            .code(),
        Some(0)
    );
    let mut en: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("data/features.en.json")).unwrap(),
    )
    .unwrap();
    let features = en["features"].as_array_mut().unwrap();
    features.retain(|f| f["id"] != "ipv6");
    features[0]["stage"] = "beta".into();
    features[7]["link"] = "/docs/elsewhere/".into();
    features.push(serde_json::json!({"id": "ambient", "name": "Ambient mesh", "category": "core", "stage": "alpha"}));
    let path = temp_file("drift.en.json", en.to_string().as_bytes());
    let o = cli(&["diff", "data/features.zh.json", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("4 difference(s)"), "{out}");
    assert!(
        out.contains("protocols-http-grpc-tcp: stage stable in A, beta in B"),
        "{out}"
    );
    assert!(out.contains("locality-load-balancing: link /zh/docs/ops/configuration/traffic-management/locality-load-balancing/ in A, /docs/elsewhere/ in B"), "{out}");
    assert!(
        out.contains("ipv6: only in A (Kubernetes 支持 IPv6)"),
        "{out}"
    );
    assert!(out.contains("ambient: only in B (Ambient mesh)"), "{out}");
}

#[test]
fn hostile_catalogues_get_their_expected_errors() {
    let expected: serde_json::Map<String, serde_json::Value> = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/hostile.expected.json")).unwrap(),
    )
    .unwrap();
    assert!(expected.len() >= 15);
    for (file, want) in expected {
        let path = root().join("tests/hostile").join(&file);
        let o = cli(&["validate", path.to_str().unwrap()]);
        let out = stdout(&o);
        let want = want.as_str().unwrap();
        if want == "ok" {
            assert_eq!(o.status.code(), Some(0), "{file}: {out}");
        } else {
            assert_eq!(o.status.code(), Some(1), "{file}: {out}");
            assert!(out.contains(want), "{file}: expected {want:?} in {out}");
        }
    }
}

#[test]
fn hostile_yaml_imports_exit_1_quickly_naming_the_limit() {
    let dir = root().join("tests/hostile-yaml");
    let expected: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    assert!(expected.len() >= 10);
    for (name, want) in expected {
        let path = match generated::generated(&name) {
            Some(text) => temp_file(&name, text.as_bytes()),
            None => dir.join(&name),
        };
        let path = path.to_str().unwrap();
        for args in [
            vec!["import", path],
            vec!["import", "--from", "istio-yaml", path],
            vec!["import", "--from", "k8s-versioned", path],
        ] {
            let start = Instant::now();
            let o = cli(&args);
            let elapsed = start.elapsed();
            let stderr = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(1), "{args:?}: {stderr}");
            assert_eq!(
                stderr,
                format!("error: {path}: {}\n", want.as_str().unwrap()),
                "{args:?}"
            );
            assert!(o.stdout.is_empty(), "{args:?}");
            // Loose: machines are noisy, and the npm build starts Node.
            assert!(elapsed < Duration::from_secs(15), "{args:?}: {elapsed:?}");
        }
    }
}

#[test]
fn huge_catalogues_are_refused_with_a_clear_error() {
    let template =
        std::fs::read_to_string(root().join("tests/hostile/unknown-stage.json")).unwrap();
    let long_name = template.replace("\"gamma\"", "\"alpha\"").replace(
        "\"name\": \"A\"",
        &format!("\"name\": \"{}\"", "x".repeat(1 << 20)),
    );
    let path = temp_file("long-name.json", long_name.as_bytes());
    let out = stdout(&cli(&["validate", path.to_str().unwrap()]));
    assert!(
        out.contains("features[0].name: is 1048576 characters long; the limit is 500"),
        "{}",
        &out[..out.len().min(500)]
    );
    assert!(out.len() < 1000, "the message must not echo the huge name");

    let mut big = vec![b' '; 50 * 1024 * 1024];
    big[0] = b'{';
    let path = temp_file("fifty-mb.json", &big);
    let o = cli(&["validate", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("catalogue is 52428800 bytes; the limit is 10485760 bytes"));
    let _ = std::fs::remove_file(path);
}

#[test]
fn both_yaml_imports_produce_catalogues_that_validate_accepts_and_list_each_repair() {
    for (file, from, repairs) in [
        ("istio-features.yaml", "istio-yaml", 6),
        ("k8s-versioned_feature_list.yaml", "k8s-versioned", 0),
    ] {
        let path = fixture(file);
        for args in [
            vec!["import", path.to_str().unwrap()],
            vec!["import", "--from", from, path.to_str().unwrap()],
        ] {
            let o = cli(&args);
            assert_eq!(o.status.code(), Some(0), "{args:?}");
            let stderr = String::from_utf8_lossy(&o.stderr);
            assert_eq!(
                stderr.lines().filter(|l| l.starts_with("repair: ")).count(),
                repairs,
                "{stderr}"
            );
            assert!(!stderr.contains("warning"), "{stderr}");
            let out = temp_file(&format!("upstream-{from}.json"), &o.stdout);
            let v = cli(&["validate", out.to_str().unwrap()]);
            assert_eq!(v.status.code(), Some(0), "{}", stdout(&v));
        }
    }
    let o = cli(&["import", fixture("istio-features.yaml").to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    for expected in [
        "duplicate id \"security.jwt_authentication\"; renamed \"security.jwt_authentication-2\"",
        "duplicate id \"security.jwt_authentication\"; renamed \"security.jwt_authentication-3\"",
        "duplicate id \"ambient.destinationrule\"; renamed \"ambient.destinationrule-2\"",
        "using \"traffic.k8s_gateway_apis_mesh\"",
        "features[12].name: spaces around",
    ] {
        assert!(stderr.contains(expected), "{expected} not in {stderr}");
    }
}

#[test]
fn import_lists_each_dropped_field_by_its_source_path_then_the_counts() {
    let o = cli(&["import", fixture("istio-features.yaml").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&o.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    for expected in [
        "dropped: features[0].level.checklist",
        "dropped: features[5].level.nextExpectedPromotion",
    ] {
        assert!(lines.contains(&expected), "{expected} not in {stderr}");
    }
    assert_eq!(
        lines.iter().filter(|l| l.starts_with("dropped: ")).count(),
        43
    );
    assert_eq!(lines.last(), Some(&"dropped 43 fields, repaired 6"));

    let o = cli(&[
        "import",
        fixture("k8s-versioned_feature_list.yaml").to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("dropped: [0].versionedSpecs[0].default\n"),
        "{stderr}"
    );
    assert_eq!(
        stderr.lines().last(),
        Some("dropped 352 fields, repaired 0")
    );
}

#[test]
fn strict_import_exits_1_without_a_catalogue_when_anything_was_dropped_or_repaired() {
    let path = fixture("istio-features.yaml");
    let o = cli(&["import", "--strict", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.ends_with(&format!(
        "dropped 43 fields, repaired 6\nerror: {}: --strict refuses an import that drops or repairs anything, or does not validate\n",
        path.to_str().unwrap()
    )), "{stderr}");
    // A clean source passes.
    let seed = root().join("crates/catalogue/tests/seed.md");
    let o = cli(&["import", "--strict", seed.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "dropped 0 fields, repaired 0\n"
    );
}

#[test]
fn import_of_a_file_whose_stages_are_mostly_unknown_exits_1_naming_the_expected_ones() {
    let path = temp_file(
        "no-stages.yaml",
        b"features:\n  - name: A\n    level: {phase: Beta}\n  - name: B\n    level: {phase: GA}\n",
    );
    let o = cli(&["import", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        format!(
            "error: {}: 2 of 2 features have no stage the importer knows (found: Unknown); \
             expected Experimental, Alpha, Beta, Stable, GA, Deprecated or Removed in each feature's level.maturity\n",
            path.to_str().unwrap()
        )
    );
}

#[test]
fn the_english_istio_page_imports_and_validates() {
    let o = cli(&[
        "import",
        fixture("istio-feature-stages.en.md").to_str().unwrap(),
        "--base-url",
        "https://istio.io",
    ]);
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "repair: line 39: aspect \"Support\": id \"support\" is an earlier row's; renamed \"support-2\"\n\
         dropped 0 fields, repaired 1\n"
    );
    assert_eq!(o.status.code(), Some(0));
    let c: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(c["locale"], "en");
    assert_eq!(c["features"].as_array().unwrap().len(), 43);
    let ipv6 = c["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "ipv6-support-for-kubernetes")
        .unwrap();
    assert_eq!(ipv6["stage"], "alpha");
    assert_eq!(ipv6["note"], "Dual-stack IPv4 and IPv6 is not supported.");
    let out = temp_file("istio-en.json", &o.stdout);
    let v = cli(&["validate", out.to_str().unwrap()]);
    assert_eq!(v.status.code(), Some(0), "{}", stdout(&v));
}

#[test]
fn kubernetes_import_takes_its_title_from_the_option_or_the_file_name() {
    let path = fixture("k8s-versioned_feature_list.yaml");
    let title = |args: &[&str]| -> serde_json::Value {
        let o = cli(args);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        serde_json::from_slice::<serde_json::Value>(&o.stdout).unwrap()["title"].clone()
    };
    let path = path.to_str().unwrap();
    assert_eq!(title(&["import", path]), "K8s versioned feature list");
    assert_eq!(
        title(&["import", path, "--title", "OpenShift feature gates"]),
        "OpenShift feature gates"
    );
    // Standard input has no file name: the title must be given.
    let o = cli_with_stdin(
        &["import", "--from", "k8s-versioned", "-"],
        &std::fs::read(path).unwrap(),
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "error: -: the source names no title, and has no file name to make one from; give one (--title)\n"
    );
}

#[test]
fn the_examples_are_the_imports_of_the_fixtures() {
    for (example, source, title) in [
        (
            "kubernetes.json",
            "k8s-versioned_feature_list.yaml",
            Some("Kubernetes feature gates"),
        ),
        ("dapr.json", "dapr/v1.15-2025-02-05", None),
        (
            "envoy.json",
            "envoy/extensions_metadata-2026-07-08.yaml",
            None,
        ),
    ] {
        let source = fixture(source);
        let mut args = vec!["import", source.to_str().unwrap()];
        args.extend(title.iter().flat_map(|t| ["--title", t]));
        assert_eq!(
            stdout(&cli(&args)),
            std::fs::read_to_string(root().join("examples").join(example)).unwrap(),
            "regenerate examples/{example} with `feature-matrix {}`",
            args.join(" ")
        );
    }
}

#[test]
fn unreadable_files_are_named_with_the_reason_and_exit_2() {
    let o = cli(&["validate", "no/such/file.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "error: no/such/file.json: no such file or directory\n"
    );
    let o = cli(&["validate", "data"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "error: data: is a directory\n"
    );
}

#[test]
fn render_prints_the_prerendered_view_with_the_attributes_options() {
    let o = cli(&[
        "render",
        "data/features.en.json",
        "--url-state",
        "b",
        "--heading-level",
        "3",
        "--theme",
        "dark",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let html = stdout(&o);
    assert!(html.contains("class=\"fm-root\""), "{}", &html[..200]);
    assert!(html.contains("<h3 class=\"fm-title\">Feature status</h3>"));
    assert!(html.contains("data-theme=\"dark\""));
    assert!(html.trim_end().ends_with("</script>"));
    // The same bytes from standard input.
    let piped = cli_with_stdin(
        &[
            "render",
            "-",
            "--url-state",
            "b",
            "--heading-level",
            "3",
            "--theme",
            "dark",
        ],
        &std::fs::read(root().join("data/features.en.json")).unwrap(),
    );
    assert_eq!(String::from_utf8_lossy(&piped.stdout), html);
}

#[test]
fn render_refuses_an_invalid_catalogue_and_a_bad_option() {
    let o = cli(&["render", "tests/hostile/unknown-stage.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown stage \"gamma\""));
    assert!(o.stdout.is_empty());
    let o = cli(&["render", "data/features.en.json", "--heading-level", "7"]);
    assert_eq!(o.status.code(), Some(2));
    let o = cli(&["render", "data/features.en.json", "--theme", "sepia"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_directory_of_dapr_component_tables_and_envoys_metadata_import_strictly() {
    let dapr = fixture("dapr/v1.15-2025-02-05");
    let gates = fixture("k8s-gates/2025");
    let envoy = fixture("envoy/extensions_metadata-2026-07-08.yaml");
    for args in [
        vec!["import", "--strict", dapr.to_str().unwrap()],
        // The pages have stage names with trailing spaces: repairs, so not --strict.
        vec!["import", gates.to_str().unwrap()],
        vec!["import", "--strict", envoy.to_str().unwrap()],
        vec![
            "import",
            "--from",
            "envoy-extensions",
            envoy.to_str().unwrap(),
        ],
    ] {
        let o = cli(&args);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(
            stderr.ends_with("\n") && stderr.contains("dropped 0 fields, repaired "),
            "{args:?}: {stderr}"
        );
        if args.contains(&"--strict") {
            assert_eq!(stderr, "dropped 0 fields, repaired 0\n", "{args:?}");
        }
        let c = catalogue::load_str(&stdout(&o)).expect("a valid catalogue");
        assert!(
            c.features.len() >= 15 && c.attributes.len() >= 2,
            "{args:?}"
        );
    }
    // A directory that is not a component table: a clear error, exit 1.
    let o = cli(&["import", fixture("k8s-gates").to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn a_mapping_file_imports_any_list_or_map_and_a_broken_one_is_named() {
    let envoy = fixture("envoy/extensions_metadata-2026-07-08.yaml");
    let mapping = fixture("mappings/envoy.yaml");
    let o = cli(&[
        "import",
        "--strict",
        "--mapping",
        mapping.to_str().unwrap(),
        envoy.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{stderr}");
    let c = catalogue::load_str(&stdout(&o)).expect("a valid catalogue");
    assert_eq!((c.features.len(), c.attributes.len()), (349, 4));
    let broken = temp_file("broken-mapping.yaml", b"name: key\n");
    let o = cli(&[
        "import",
        "--mapping",
        broken.to_str().unwrap(),
        envoy.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        format!(
            "error: {}: mapping file: `stage` is required: the field with each feature's stage\n",
            envoy.display()
        )
    );
    assert!(o.stdout.is_empty());
}

#[test]
fn kubernetes_single_page_feature_gate_tables_import_with_their_typos_reported() {
    let page = fixture("k8s-gates/feature-gates-2023.md");
    let o = cli(&["import", page.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("repair: line 101: stage \"Beta`\" read as \"Beta\"\n"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("dropped 1 field, repaired 2\n"),
        "{stderr}"
    );
    let c = catalogue::load_str(&stdout(&o)).expect("a valid catalogue");
    assert_eq!(c.features.len(), 145);
    let o = cli(&["import", "--strict", page.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
}

/// `text` as the prerendered markup writes it.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[test]
fn every_link_description_note_and_value_of_the_imported_examples_is_in_their_markup() {
    use catalogue::inline::{parse_inline, Segment};
    for example in ["dapr.json", "envoy.json", "kubernetes.json"] {
        let path = root().join("examples").join(example);
        let o = cli(&["render", path.to_str().unwrap(), "--view", "table"]);
        assert_eq!(o.status.code(), Some(0), "{example}");
        let html = stdout(&o);
        // The markup a reader sees, not the catalogue's data block after it.
        let shown = &html[..html.find("<script").expect("a data block")];
        let c = catalogue::load_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let mut checked = 0;
        for f in &c.features {
            assert!(shown.contains(&escaped(&f.name)), "{example} {}", f.id);
            checked += 1;
            if let Some(link) = &f.link {
                assert!(
                    shown.contains(&format!("href=\"{}\"", escaped(link))),
                    "{example} {}",
                    f.id
                );
                checked += 1;
            }
            for text in [&f.description, &f.note].into_iter().flatten() {
                for segment in parse_inline(text) {
                    let (words, url) = match segment {
                        Segment::Text(t) => (t, None),
                        Segment::Link { text, url } => (text, Some(url)),
                    };
                    assert!(
                        shown.contains(&escaped(&words)),
                        "{example} {}: {words}",
                        f.id
                    );
                    if let Some(url) = url.filter(|u| u.starts_with("http")) {
                        assert!(shown.contains(&escaped(&url)), "{example} {}: {url}", f.id);
                    }
                    checked += 1;
                }
            }
            for a in &c.attributes {
                if let Some(catalogue::Value::Text(v)) = f.attributes.get(&a.id) {
                    let label = a.values.iter().find(|c| &c.id == v).map_or(v, |c| &c.label);
                    assert!(
                        shown.contains(&escaped(label)),
                        "{example} {}: {label}",
                        f.id
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 100, "{example}: {checked}");
    }
}
