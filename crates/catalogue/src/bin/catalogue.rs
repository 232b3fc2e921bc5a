fn main() {
    print!("{}", catalogue::schema::catalogue_schema_json());
}
