// The commands the app defines, in snake_case, as registered in `lib.rs`. Shared (via
// `include!`) by `build.rs`, which generates their `allow-*` permissions, and by
// `tests/security_config.rs`, which checks the capability grants exactly these and that the UI
// calls each of them.
pub const COMMANDS: &[&str] = &[
    "app_status",
    "app_info",
    "territory_tree",
    "comune_search",
    "comune_get",
    "zone_list",
    "zone_confirm",
    "zone_rename",
    "comune_set_zone",
    "profile_get",
    "profile_save",
    "comune_people",
];
