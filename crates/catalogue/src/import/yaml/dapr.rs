//! Dapr's component tables (dapr/docs `daprdocs/data/components/`, a
//! directory: `<type>/<provider group>.yaml`, each a list of components) →
//! catalogue: one feature per component, its `state` as the stage, its type
//! (state stores, bindings, …) as its category, and as attributes its
//! provider group, `version`, `since` and every capability flag of
//! `features` (`crud`, `transactions`, `etag`, `ttl`, `query`, `input`,
//! `output` …, names the importer does not know included); middleware's
//! `description` is the feature's description. Unknown types, groups and
//! flags are read like known ones.

use std::collections::BTreeMap;

use yaml_rust2::Yaml;

use super::{finish_files, parse_file, Imported, Parts, Repairs, YamlOptions};
use crate::import::{Dropped, ImportError};
use crate::model::{Attribute, AttributeChoice, AttributeKind, Category, Feature, Value};

/// Where Dapr's docs keep each type's pages, and what its tables call it.
const TYPES: [(&str, &str, &str); 10] = [
    ("state_stores", "State stores", "supported-state-stores"),
    ("pubsub", "Pub/sub brokers", "supported-pubsub"),
    ("bindings", "Bindings", "supported-bindings"),
    ("secret_stores", "Secret stores", "supported-secret-stores"),
    (
        "configuration_stores",
        "Configuration stores",
        "supported-configuration-stores",
    ),
    ("locks", "Locks", "supported-locks"),
    ("cryptography", "Cryptography", "supported-cryptography"),
    ("conversation", "Conversation", "supported-conversation"),
    (
        "name_resolution",
        "Name resolution",
        "supported-name-resolution",
    ),
    ("middleware", "Middleware", "supported-middleware"),
];

/// Provider groups (the files' names) as the docs' headings say them.
const GROUPS: [(&str, &str); 12] = [
    ("generic", "Generic"),
    ("aws", "Amazon Web Services (AWS)"),
    ("azure", "Microsoft Azure"),
    ("gcp", "Google Cloud Platform (GCP)"),
    ("alibaba", "Alibaba Cloud"),
    ("alicloud", "Alibaba Cloud"),
    ("cloudflare", "Cloudflare"),
    ("oracle", "Oracle Cloud"),
    ("zeebe", "Zeebe (Camunda Cloud)"),
    ("http", "HTTP"),
    ("kubernetes", "Kubernetes"),
    ("selfhosted", "Self-hosted"),
];

/// Capability flags as the docs' column headings say them.
const FLAGS: [(&str, &str); 11] = [
    ("crud", "CRUD"),
    ("transactions", "Transactional"),
    ("etag", "ETag"),
    ("ttl", "TTL"),
    ("query", "Query"),
    ("workflow", "Workflow"),
    ("input", "Input binding"),
    ("output", "Output binding"),
    ("bulkPublish", "Bulk publish"),
    ("bulkSubscribe", "Bulk subscribe"),
    (
        "multipleKeyValuesPerSecret",
        "Multiple key-values per secret",
    ),
];

const DOCS: &str = "https://docs.dapr.io/reference/components-reference/";

/// Reads Dapr's component tables: `files` are (path under the directory,
/// text) pairs such as (`state_stores/generic.yaml`, …); files outside a
/// type directory or not YAML are reported as dropped.
pub fn import_dapr(
    files: &[(String, String)],
    options: &YamlOptions,
) -> Result<Imported, ImportError> {
    let mut r = Repairs::default();
    let mut labels: Vec<String> = Vec::new();
    let mut categories: Vec<Category> = Vec::new();
    let mut groups = Attribute {
        id: "provider".into(),
        label: "Provider".into(),
        kind: AttributeKind::Enum,
        values: Vec::new(),
    };
    let mut flags: Vec<Attribute> = Vec::new();
    let mut features = Vec::new();
    let mut dropped = Vec::new();
    // Each file's tree, kept until the end to list what was not read.
    let mut trees: Vec<(String, Yaml)> = Vec::new();
    for (path, text) in files {
        let reason = match path.split_once('/') {
            None => Some("not in a component type's directory"),
            Some((_, file)) if !file.ends_with(".yaml") && !file.ends_with(".yml") => {
                Some("not a YAML file")
            }
            Some(_) => None,
        };
        if let Some(reason) = reason {
            dropped.push(Dropped {
                path: path.clone(),
                reason: Some(reason.into()),
            });
            continue;
        }
        let doc = parse_file(path, text, &mut dropped)?;
        trees.push((path.clone(), doc));
    }
    for (path, doc) in &trees {
        let (kind, file) = path.split_once('/').unwrap_or_default();
        let group = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
        let (category, kind_label, docs) = TYPES.iter().find(|(id, ..)| *id == kind).map_or(
            (super::slug(kind), kind.replace('_', " "), None),
            |(id, label, docs)| (super::slug(id), label.to_string(), Some(*docs)),
        );
        let Some(entries) = doc.as_vec() else {
            dropped.push(Dropped {
                path: path.clone(),
                reason: Some("not a list of components".into()),
            });
            continue;
        };
        if !categories.iter().any(|c| c.id == category) {
            categories.push(Category {
                id: category.clone(),
                label: kind_label,
            });
        }
        let group_id = super::slug(group);
        if !groups.values.iter().any(|v| v.id == group_id) {
            let label = GROUPS
                .iter()
                .find(|(id, _)| *id == group)
                .map_or(group.to_string(), |(_, l)| l.to_string());
            groups.values.push(AttributeChoice {
                id: group_id.clone(),
                label,
            });
        }
        for (i, entry) in entries.iter().enumerate() {
            let at = format!("{path}[{i}]");
            let Some(name) = r
                .text(&entry["component"], &format!("{at}.component"))
                .filter(|n| !n.is_empty())
            else {
                r.skip(entry, "no component name, so it cannot be shown");
                continue;
            };
            let Some(state) = r
                .text(&entry["state"], &format!("{at}.state"))
                .filter(|s| !s.is_empty())
            else {
                r.skip(entry, "no state, so no stage");
                continue;
            };
            if !labels.iter().any(|l| super::slug(l) == super::slug(&state)) {
                labels.push(state.clone());
            }
            let link = r
                .text(&entry["link"], &format!("{at}.link"))
                .filter(|l| !l.is_empty());
            // The link's last segment names the component's page.
            let page = link
                .as_deref()
                .and_then(|l| l.trim_end_matches('/').rsplit('/').next())
                .unwrap_or(&name);
            let id_source = super::slug(&format!("{category}-{group_id}-{page}"));
            let id = r.id(Some(id_source), &name, &at);
            let link = link.map(|l| match (l.starts_with('/'), docs) {
                (true, _) => format!("https://docs.dapr.io{}/", l.trim_end_matches('/')),
                (false, Some(docs)) => format!("{DOCS}{docs}/{l}/"),
                (false, None) => format!("{DOCS}supported-{}/{l}/", kind.replace('_', "-")),
            });
            let mut values = BTreeMap::new();
            values.insert("provider".to_string(), Value::Text(group_id.clone()));
            for key in ["version", "since"] {
                if let Some(v) = r
                    .text(&entry[key], &format!("{at}.{key}"))
                    .filter(|v| !v.is_empty())
                {
                    values.insert(key.to_string(), Value::Text(v));
                }
            }
            if let Some(map) = entry["features"].as_hash() {
                for (flag, value) in map {
                    let Some(flag) = flag.as_str() else { continue };
                    let Some(on) = value.as_bool() else {
                        r.skip(value, "a capability that is not true or false");
                        continue;
                    };
                    r.read(value);
                    let id = super::slug(flag);
                    if !flags.iter().any(|a| a.id == id) {
                        let label = FLAGS
                            .iter()
                            .find(|(f, _)| *f == flag)
                            .map_or_else(|| words(flag), |(_, l)| l.to_string());
                        flags.push(Attribute {
                            id: id.clone(),
                            label,
                            kind: AttributeKind::Bool,
                            values: Vec::new(),
                        });
                    }
                    values.insert(id, Value::Bool(on));
                }
            }
            let description = r
                .text(&entry["description"], &format!("{at}.description"))
                .filter(|d| !d.is_empty());
            features.push(Feature {
                id,
                name,
                category: category.clone(),
                stage: super::slug(&state),
                link,
                description,
                attributes: values,
                ..Feature::default()
            });
        }
    }
    if features.is_empty() {
        return Err(ImportError::NoFeatures);
    }
    // Types in the docs' order, then the others as found.
    let type_rank = |c: &Category| {
        TYPES
            .iter()
            .position(|(id, ..)| super::slug(id) == c.id)
            .unwrap_or(TYPES.len())
    };
    categories.sort_by_key(type_rank);
    // Known flags in the docs' column order, then the others as found.
    let rank = |a: &Attribute| {
        FLAGS
            .iter()
            .position(|(f, _)| super::slug(f) == a.id)
            .unwrap_or(FLAGS.len())
    };
    flags.sort_by_key(rank);
    let mut attributes = vec![groups];
    attributes.extend(flags);
    for (id, label) in [
        ("version", "Component version"),
        ("since", "Since runtime version"),
    ] {
        if features.iter().any(|f| f.attributes.contains_key(id)) {
            attributes.push(Attribute {
                id: id.into(),
                label: label.into(),
                kind: AttributeKind::Text,
                values: Vec::new(),
            });
        }
    }
    let parts = Parts {
        default_title: Some("Dapr components".into()),
        releases: Vec::new(),
        labels,
        categories,
        attributes,
        features,
        stage_field: "each component's state".into(),
        declared_stages: 0,
    };
    finish_files(options, parts, trees.into_iter(), dropped, r)
}

/// `multipleKeyValuesPerSecret` → `Multiple key values per secret`.
fn words(flag: &str) -> String {
    let mut out = String::new();
    for (i, c) in flag.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push(' ');
            out.push(c.to_ascii_lowercase());
        } else if c == '_' || c == '-' {
            out.push(' ');
        } else if i == 0 {
            out.push(c.to_ascii_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}
