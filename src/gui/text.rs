//! Every text the GUI shows, in one table per language, so English can be
//! added by writing a second table without touching any view.
//!
//! Views call [`texts()`] and read fields; texts with numbers or names are
//! methods backed by a small function in the table.

use crate::model::Date;

/// All user-visible texts of the GUI.
#[allow(missing_docs)] // the field names say what each text is
pub struct Texts {
    pub app_name: &'static str,
    pub all_areas: &'static str,
    pub all_parties: &'static str,
    pub all_statuses: &'static str,
    pub area_filter: &'static str,
    pub as_of_hint: &'static str,
    pub as_of_label: &'static str,
    pub as_of_slider: &'static str,
    pub as_of_slider_hint: &'static str,
    pub assessments_heading: &'static str,
    pub cancel_button: &'static str,
    pub chart_as_of: &'static str,
    pub chart_expected: &'static str,
    pub chart_reported: &'static str,
    pub clear_filters: &'static str,
    pub close_button: &'static str,
    pub close_detail: &'static str,
    pub close_detail_button: &'static str,
    pub close_detail_hint: &'static str,
    pub col_assessment: &'static str,
    pub col_date: &'static str,
    pub col_id: &'static str,
    pub col_last_report: &'static str,
    pub col_last_report_short: &'static str,
    pub col_message: &'static str,
    pub col_note: &'static str,
    pub col_parties: &'static str,
    pub col_party: &'static str,
    pub col_place: &'static str,
    pub col_place_in_file: &'static str,
    pub col_progress: &'static str,
    pub col_quantity: &'static str,
    pub col_reported: &'static str,
    pub col_severity: &'static str,
    pub col_status: &'static str,
    pub col_target: &'static str,
    pub col_text: &'static str,
    pub commitment: &'static str,
    pub copy_sample_body: &'static str,
    pub copy_sample_title: &'static str,
    pub dark_theme: &'static str,
    pub dismiss: &'static str,
    pub error_title: &'static str,
    pub example_target: &'static str,
    pub find: &'static str,
    pub focus_suffix: &'static str,
    pub lead: &'static str,
    pub light_theme: &'static str,
    pub menu_file: &'static str,
    pub menu_help: &'static str,
    pub menu_view: &'static str,
    pub next_commitment: &'static str,
    pub no_assessment_hint: &'static str,
    pub no_assessments: &'static str,
    pub chart_meeting: &'static str,
    pub no_entries: &'static str,
    pub no_excerpt: &'static str,
    pub no_pledge_body: &'static str,
    pub no_pledge_heading: &'static str,
    pub no_problems: &'static str,
    pub no_recent: &'static str,
    pub no_target: &'static str,
    pub nothing_open: &'static str,
    pub ok_button: &'static str,
    pub open_button: &'static str,
    pub open_detail: &'static str,
    pub open_files: &'static str,
    pub open_folder: &'static str,
    pub open_path: &'static str,
    pub open_path_body: &'static str,
    pub open_path_title: &'static str,
    pub open_sample: &'static str,
    pub other_actors: &'static str,
    pub owners: &'static str,
    pub page_down: &'static str,
    pub page_up: &'static str,
    pub party_filter: &'static str,
    pub path_hint: &'static str,
    pub path_label: &'static str,
    pub per_area: &'static str,
    pub per_party: &'static str,
    pub period: &'static str,
    pub period_end: &'static str,
    pub period_start: &'static str,
    pub places: &'static str,
    pub places_heading: &'static str,
    pub previous_commitment: &'static str,
    pub problem_areas: &'static str,
    pub quit: &'static str,
    pub recent: &'static str,
    pub reload: &'static str,
    pub reloaded: &'static str,
    pub reports_per_month: &'static str,
    pub reports_unit: &'static str,
    pub sample_banner: &'static str,
    pub sample_title: &'static str,
    pub save_button: &'static str,
    pub save_sample_as: &'static str,
    pub search_hint: &'static str,
    pub search_label: &'static str,
    pub shortcuts_title: &'static str,
    pub show_problems: &'static str,
    pub show_shortcuts: &'static str,
    pub sort_hint: &'static str,
    pub status_chip_hint: &'static str,
    pub status_filter: &'static str,
    pub tab_commitments: &'static str,
    pub tab_overview: &'static str,
    pub tab_problems: &'static str,
    pub today: &'static str,
    pub toggle_theme: &'static str,
    pub unreadable_pledge: &'static str,
    pub welcome_body: &'static str,
    pub welcome_heading: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub zoom_reset: &'static str,
    pub open_folder_title: &'static str,
    pub open_files_title: &'static str,
    pub no_pledge_for_activities: &'static str,
    pub sample_is_read_only: &'static str,
    as_of_phrase_fn: fn(Date) -> String,
    assessed_at_fn: fn(Date) -> String,
    day_of_fn: fn(i64, i64) -> String,
    entries_heading_fn: fn(usize, Date) -> String,
    files_changed_fn: fn(&str) -> String,
    group_counts_fn: fn(usize, &str) -> String,
    problem_counts_fn: fn(usize, usize) -> String,
    progress_hint_fn: fn(&str, Option<&str>) -> String,
    reports_total_fn: fn(&str) -> String,
    sample_copied_fn: fn(&str) -> String,
    showing_fn: fn(usize, usize) -> String,
    status_bar_fn: fn(&str, usize, usize) -> String,
}

impl Texts {
    /// "per 2017-03-16".
    pub fn as_of_phrase(&self, a: Date) -> String {
        (self.as_of_phrase_fn)(a)
    }
    /// Tooltip of an assessment.
    pub fn assessed_at(&self, a: Date) -> String {
        (self.assessed_at_fn)(a)
    }
    /// "dag 167 av 365".
    pub fn day_of(&self, a: i64, b: i64) -> String {
        (self.day_of_fn)(a, b)
    }
    /// Heading of the activity list.
    pub fn entries_heading(&self, a: usize, b: Date) -> String {
        (self.entries_heading_fn)(a, b)
    }
    /// Notice after an automatic reload.
    pub fn files_changed(&self, a: &str) -> String {
        (self.files_changed_fn)(a)
    }
    /// Counts of a party or area.
    pub fn group_counts(&self, a: usize, b: &str) -> String {
        (self.group_counts_fn)(a, b)
    }
    /// Summary of problems.
    pub fn problem_counts(&self, a: usize, b: usize) -> String {
        (self.problem_counts_fn)(a, b)
    }
    /// Tooltip of a progress bar.
    pub fn progress_hint(&self, a: &str, b: Option<&str>) -> String {
        (self.progress_hint_fn)(a, b)
    }
    /// Total reports in the header.
    pub fn reports_total(&self, a: &str) -> String {
        (self.reports_total_fn)(a)
    }
    /// Notice after copying the sample.
    pub fn sample_copied(&self, a: &str) -> String {
        (self.sample_copied_fn)(a)
    }
    /// Count under the filters.
    pub fn showing(&self, a: usize, b: usize) -> String {
        (self.showing_fn)(a, b)
    }
    /// The status bar.
    pub fn status_bar(&self, a: &str, b: usize, c: usize) -> String {
        (self.status_bar_fn)(a, b, c)
    }
}

/// The Swedish texts.
pub static SV: Texts = Texts {
    app_name: "Löftesuppföljning",
    all_areas: "Alla problemområden",
    all_parties: "Alla parter",
    all_statuses: "Alla statusar",
    area_filter: "Problemområde",
    as_of_hint: "Datum som siffrorna avser (ÅÅÅÅ-MM-DD). Tryck Enter eller lämna fältet för att byta.",
    as_of_label: "Läget per",
    as_of_slider: "Dra i tiden",
    as_of_slider_hint: "Flytta datumet genom perioden och se hur läget växte fram",
    assessments_heading: "Bedömningar från uppföljningsmöten",
    cancel_button: "Avbryt",
    chart_as_of: "Läget per",
    chart_expected: "Förväntat enligt mål",
    chart_reported: "Rapporterat",
    clear_filters: "Rensa filter",
    close_button: "Stäng",
    close_detail: "Stäng detaljvyn",
    close_detail_button: "✖ Stäng",
    close_detail_hint: "Stäng detaljvyn (Esc)",
    col_assessment: "Bedömning",
    col_date: "Datum",
    col_id: "Id",
    col_last_report: "Senaste rapport",
    col_last_report_short: "Senaste",
    col_message: "Meddelande",
    col_note: "Anteckning",
    col_parties: "Parter",
    col_party: "Part",
    col_place: "Plats",
    col_place_in_file: "Fil:rad:kolumn",
    col_progress: "Andel av målet",
    col_quantity: "Antal",
    col_reported: "Rapporterat",
    col_severity: "Typ",
    col_status: "Mätt status",
    col_target: "Mål",
    col_text: "Åtagande",
    commitment: "Åtagande",
    copy_sample_body: "Exemplet kopieras till en mapp som du väljer (pledge.ron och activities/). Mappen får inte redan innehålla en pledge.ron. Kopian öppnas sedan och kan ändras.",
    copy_sample_title: "Spara exemplet som egen mapp",
    dark_theme: "Mörkt tema",
    dismiss: "Stäng meddelandet",
    error_title: "Det gick inte",
    example_target: "Exempelmål satt för exempeldata, inte en del av det undertecknade löftet.",
    find: "Sök åtaganden…",
    focus_suffix: " (fokusområde)",
    lead: "Ansvarig",
    light_theme: "Ljust tema",
    menu_file: "Arkiv",
    menu_help: "Hjälp",
    menu_view: "Visa",
    next_commitment: "Nästa åtagande",
    no_assessment_hint: "Inget avslutat uppföljningsmöte har bedömt åtagandet fram till datumet.",
    no_assessments: "Inget avslutat uppföljningsmöte har bedömt åtagandet ännu.",
    chart_meeting: "Uppföljningsmöte",
    no_entries: "Inga aktiviteter rapporterade fram till datumet.",
    no_excerpt: "Filens text kunde inte läsas, så raden kan inte visas.",
    no_pledge_body: "Löftesfilen kunde inte läsas. Fliken Problem visar vad som är fel, med fil, rad och kolumn. Rätta filen och tryck F5 (Ladda om).",
    no_pledge_heading: "Löftet kunde inte läsas",
    no_problems: "Inga fel eller varningar i filerna.",
    no_recent: "Inga senaste mappar",
    no_target: "Inget mål (kvalitativt åtagande)",
    nothing_open: "Inget löfte är öppet",
    ok_button: "OK",
    open_button: "Öppna",
    open_detail: "Visa detaljer",
    open_files: "Öppna filer…",
    open_folder: "Öppna mapp…",
    open_path: "Öppna sökväg…",
    open_path_body: "Skriv eller klistra in sökvägen till en mapp med pledge.ron och activities/, eller till själva löftesfilen.",
    open_path_title: "Öppna sökväg",
    open_sample: "Öppna Karlstadsexemplet",
    other_actors: "Övriga aktörer",
    owners: "Ägare",
    page_down: "En sida ned",
    page_up: "En sida upp",
    party_filter: "Part",
    path_hint: "/mapp/medborgarlöfte",
    path_label: "Sökväg",
    per_area: "Per problemområde",
    per_party: "Per part",
    period: "Period",
    period_end: "Periodens slut",
    period_start: "Periodens start",
    places: "Platser",
    places_heading: "Rapporter per plats",
    previous_commitment: "Föregående åtagande",
    problem_areas: "Problemområden",
    quit: "Avsluta",
    recent: "Senaste",
    reload: "Ladda om",
    reloaded: "Filerna lästes in igen.",
    reports_per_month: "Rapporter per månad",
    reports_unit: "rapporter",
    sample_banner: "Exempeldata: Karlstad 2016–17 (skrivskyddat). Aktiviteterna är påhittade. Spara som egen mapp för att arbeta vidare.",
    sample_title: "Exempel: Karlstad 2016–17 (skrivskyddat)",
    save_button: "Spara",
    save_sample_as: "Spara som…",
    search_hint: "id, ord eller plats (Ctrl+F)",
    search_label: "Sök",
    shortcuts_title: "Kortkommandon",
    show_problems: "Visa problem",
    show_shortcuts: "Kortkommandon",
    sort_hint: "Sortera efter kolumnen; klicka igen för omvänd ordning",
    status_chip_hint: "Visa bara åtaganden med den här statusen; klicka igen för att visa alla",
    status_filter: "Status",
    tab_commitments: "Åtaganden",
    tab_overview: "Översikt",
    tab_problems: "Problem",
    today: "I dag",
    toggle_theme: "Byt tema (ljust/mörkt)",
    unreadable_pledge: "Oläsbart löfte",
    welcome_body: "Öppna en mapp med ett medborgarlöfte (pledge.ron och activities/), välj filerna, eller titta på exemplet från Karlstad.",
    welcome_heading: "Välkommen till Löftesuppföljning",
    zoom_in: "Zooma in",
    zoom_out: "Zooma ut",
    zoom_reset: "Återställ zoom",
    open_folder_title: "Öppna mapp med medborgarlöfte",
    open_files_title: "Välj löftesfil och aktivitetsfiler",
    no_pledge_for_activities: "Öppna ett löfte först; aktivitetsfiler läggs till ett öppet löfte.",
    sample_is_read_only: "Exemplet är skrivskyddat. Spara det som egen mapp (Arkiv → Spara som…) och lägg sedan till aktivitetsfilerna där.",
    as_of_phrase_fn: |d| format!("per {d}"),
    assessed_at_fn: |d| format!("Bedömt vid uppföljningsmötet {d}"),
    day_of_fn: |day, total| format!("dag {day} av {total}"),
    entries_heading_fn: |n, d| format!("Aktiviteter t.o.m. {d} ({n})"),
    files_changed_fn: |names| format!("Ändrad på disken och inläst igen: {names}"),
    group_counts_fn: |commitments, reports| format!("{commitments} åtaganden, {reports} rapporter"),
    problem_counts_fn: |errors, warnings| {
        format!("{errors} fel och {warnings} varningar i filerna")
    },
    progress_hint_fn: |percent, expected| match expected {
        Some(e) => format!("{percent} av hela periodens mål; {e} vid datumet (strecket)"),
        None => format!("{percent} av hela periodens mål"),
    },
    reports_total_fn: |n| format!("{n} rapporter totalt"),
    sample_copied_fn: |folder| format!("Exemplet sparades i {folder} och är öppnat där."),
    showing_fn: |shown, all| format!("Visar {shown} av {all} åtaganden"),
    status_bar_fn: |source, entries, files| {
        format!("{source} · {entries} aktiviteter i {files} filer")
    },
};

/// The texts of the user's language (Swedish; English can be added here).
pub fn texts() -> &'static Texts {
    &SV
}
