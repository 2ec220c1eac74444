//! Pieces shared by several pages.

pub mod calendar_export;
pub mod focus;
pub mod form;
pub mod heading;
pub mod idle_lock;
pub mod layout;
pub mod notice;
pub mod passphrase_fields;
pub mod privacy;
pub mod profile_select;
pub mod save_status;
pub mod sources;
pub mod summary_list;
pub mod update_prompt;
