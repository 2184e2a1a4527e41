//! The simulator form as typed, and its pure mapping to the rules core's loose input.
//!
//! Every field is kept exactly as the person typed it (`６，０００`, `1.5`, ``); parsing and
//! validation belong to `ouen_rules`, which reports problems per field.

use crate::i18n::{m, t};
use crate::storage::Doc;
use ouen_rules::json::{FromJson, Json, ToJson};
use ouen_rules::presets::Preset;
use ouen_rules::{Date, RawSimulationInput, Schemes, Value};

/// Which schemes the plan uses (NGN-4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "lowercase"))]
pub enum Mode {
    /// 国の制度のみ
    National,
    /// 国＋長野県
    #[default]
    Combined,
    /// 長野県のみ
    Nagano,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::National, Mode::Combined, Mode::Nagano];

    /// The radio button's `value`, and the name used in storage.
    pub fn value(self) -> &'static str {
        match self {
            Mode::National => "national",
            Mode::Combined => "combined",
            Mode::Nagano => "nagano",
        }
    }

    /// The choice as shown on the radio button.
    pub fn label(self) -> &'static str {
        t(match self {
            Mode::National => m::SIM_MODE_NATIONAL,
            Mode::Combined => m::SIM_MODE_COMBINED,
            Mode::Nagano => m::SIM_MODE_NAGANO,
        })
    }

    /// What the choice means, in one short line.
    pub fn description(self) -> &'static str {
        t(match self {
            Mode::National => m::SIM_MODE_NATIONAL_TEXT,
            Mode::Combined => m::SIM_MODE_COMBINED_TEXT,
            Mode::Nagano => m::SIM_MODE_NAGANO_TEXT,
        })
    }

    /// The mode using these schemes (combined when both, or neither, are used).
    pub fn of(national: bool, nagano: bool) -> Mode {
        match (national, nagano) {
            (true, false) => Mode::National,
            (false, true) => Mode::Nagano,
            _ => Mode::Combined,
        }
    }

    /// The schemes the rules core uses for this mode.
    pub fn schemes_flags(self) -> Schemes {
        match self {
            Mode::National => Schemes::NATIONAL,
            Mode::Combined => Schemes::COMBINED,
            Mode::Nagano => Schemes::NAGANO_ONLY,
        }
    }

    /// The scheme names the rules core expects in `schemes`.
    fn schemes(self) -> &'static [&'static str] {
        match self {
            Mode::National => &["national"],
            Mode::Combined => &["national", "nagano"],
            Mode::Nagano => &["nagano"],
        }
    }
}

/// A text field of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Rate,
    Hours,
    SmePrior,
    ExpertPrior,
    NaganoPriorHours,
    AsOf,
}

impl Field {
    /// Every text field, in the order the form is stored.
    pub const ALL: [Field; 6] = [
        Field::Rate,
        Field::Hours,
        Field::SmePrior,
        Field::ExpertPrior,
        Field::NaganoPriorHours,
        Field::AsOf,
    ];

    /// The element id of the field's input (its error is `<id>-error`).
    pub fn id(self) -> &'static str {
        match self {
            Field::Rate => "rate",
            Field::Hours => "hours",
            Field::SmePrior => "sme-prior",
            Field::ExpertPrior => "expert-prior",
            Field::NaganoPriorHours => "nagano-prior-hours",
            Field::AsOf => "as-of",
        }
    }

    /// The field's name in the rules core, as carried by `InputError::field`.
    pub fn api_name(self) -> &'static str {
        match self {
            Field::Rate => "rate",
            Field::Hours => "hours",
            Field::SmePrior => "smePriorHonorarium",
            Field::ExpertPrior => "expertPriorHonorarium",
            Field::NaganoPriorHours => "naganoPriorHours",
            Field::AsOf => "asOf",
        }
    }
}

/// Everything the person has typed or chosen; also the shape stored on the device (written
/// and read by hand over ouen's `Json`; serde's derive is the tests' reference).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(test, serde(rename_all = "camelCase", default))]
pub struct Form {
    pub rate: String,
    pub hours: String,
    pub mode: Mode,
    pub sme_prior_honorarium: String,
    pub expert_prior_honorarium: String,
    pub nagano_prior_hours: String,
    pub as_of: String,
}

impl Default for Form {
    /// The first worked example of the Nagano leaflet: 6,000円/h × 12 h, combined.
    fn default() -> Form {
        Form {
            rate: "6000".into(),
            hours: "12".into(),
            mode: Mode::default(),
            sme_prior_honorarium: String::new(),
            expert_prior_honorarium: String::new(),
            nagano_prior_hours: String::new(),
            as_of: String::new(),
        }
    }
}

impl Form {
    pub fn get(&self, field: Field) -> &str {
        match field {
            Field::Rate => &self.rate,
            Field::Hours => &self.hours,
            Field::SmePrior => &self.sme_prior_honorarium,
            Field::ExpertPrior => &self.expert_prior_honorarium,
            Field::NaganoPriorHours => &self.nagano_prior_hours,
            Field::AsOf => &self.as_of,
        }
    }

    pub fn set(&mut self, field: Field, value: String) {
        let slot = match field {
            Field::Rate => &mut self.rate,
            Field::Hours => &mut self.hours,
            Field::SmePrior => &mut self.sme_prior_honorarium,
            Field::ExpertPrior => &mut self.expert_prior_honorarium,
            Field::NaganoPriorHours => &mut self.nagano_prior_hours,
            Field::AsOf => &mut self.as_of,
        };
        *slot = value;
    }

    /// The input for `ouen_rules::simulate_raw`, every string passed on exactly as typed.
    /// (The core reads an empty prior-use field as 0 and an empty date as none.)
    pub fn to_raw(&self) -> RawSimulationInput {
        let text = |s: &str| Some(Value::Text(s.to_string()));
        let schemes = self
            .mode
            .schemes()
            .iter()
            .map(|&s| Value::from(s))
            .collect();
        RawSimulationInput {
            rate: text(&self.rate),
            hours: text(&self.hours),
            schemes: Some(Value::List(schemes)),
            sme_prior_honorarium: text(&self.sme_prior_honorarium),
            expert_prior_honorarium: text(&self.expert_prior_honorarium),
            nagano_prior_hours: text(&self.nagano_prior_hours),
            as_of: text(&self.as_of),
        }
    }

    /// Like [`Form::to_raw`], but an empty as-of date means `today` (when known): the
    /// result then says whether each programme is open today.
    pub fn to_raw_on(&self, today: Option<Date>) -> RawSimulationInput {
        let mut raw = self.to_raw();
        if self.as_of.trim().is_empty() {
            if let Some(d) = today {
                raw.as_of = Some(Value::Text(d.to_string()));
            }
        }
        raw
    }

    /// The same plan under another mode.
    pub fn with_mode(&self, mode: Mode) -> Form {
        Form {
            mode,
            ..self.clone()
        }
    }

    /// A worked example of the sources: its rate, hours and schemes, no prior use; the as-of
    /// date the person chose is kept.
    pub fn from_preset(preset: &Preset, as_of: &str) -> Form {
        let s = preset.schemes;
        Form {
            rate: preset.rate.to_string(),
            hours: preset.hours.to_string(),
            mode: Mode::of(s.national, s.nagano),
            as_of: as_of.to_string(),
            ..Form::default()
        }
    }

    /// A stored form's text; missing fields take their defaults, anything unreadable gives
    /// `None`.
    pub fn from_text(json: &str) -> Option<Form> {
        Form::from_value(&Json::parse(json).ok()?)
    }

    /// A form from its JSON value (see [`Form::from_text`]): an object whose known fields
    /// (named as in the core, [`Field::api_name`], and `mode`) are strings (`mode` one of
    /// [`Mode::value`]); a missing field takes its default, an unknown one is ignored, and
    /// any other shape gives `None`. Read by hand over ouen's `Json`, not by serde (tested
    /// equal to serde's reading).
    pub fn from_value(v: &Json) -> Option<Form> {
        let map = v.as_object()?;
        let mut form = Form::default();
        for field in Field::ALL {
            if let Some(value) = map.get(field.api_name()) {
                form.set(field, value.as_str()?.to_string());
            }
        }
        if let Some(mode) = map.get("mode") {
            let text = mode.as_str()?;
            form.mode = Mode::ALL.into_iter().find(|m| m.value() == text)?;
        }
        Some(form)
    }

    /// The form saved earlier on this device, if there is a readable one (also from the first
    /// format, under the simulator's legacy key).
    pub fn load() -> Option<Form> {
        crate::storage::load_doc(Doc::Simulator)
    }

    /// The form from what the device holds under the simulator's key and legacy key (the
    /// form's own JSON, inside the storage envelope; bare under the legacy key).
    pub fn decode_stored(current: Option<&str>, legacy: Option<&str>) -> Option<Form> {
        crate::storage::decode(Doc::Simulator, current, legacy)
    }
}

/// In this order: rate, hours, mode, then the prior uses and the date (as serde wrote it).
impl ToJson for Form {
    fn to_json(&self) -> Json {
        let mut fields: Vec<(&str, Json)> = Field::ALL
            .into_iter()
            .map(|f| (f.api_name(), Json::from(self.get(f))))
            .collect();
        fields.insert(2, ("mode", Json::from(self.mode.value())));
        Json::object(fields)
    }
}

impl FromJson for Form {
    fn from_json(v: &Json) -> Option<Form> {
        Form::from_value(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_form_is_read_as_serde_would_read_it() {
        let cases = [
            r#"{"rate":"8,000","hours":"1.5","mode":"nagano","smePriorHonorarium":"10000","expertPriorHonorarium":"","naganoPriorHours":"3","asOf":"2021-03-01"}"#,
            r#"{}"#,
            r#"{"rate":"7000"}"#,
            r#"{"mode":"national","unknown":{"deep":[1,2]},"other":5}"#,
            r#"{"rate":6000}"#,
            r#"{"rate":null}"#,
            r#"{"hours":true}"#,
            r#"{"mode":"tokyo"}"#,
            r#"{"mode":1}"#,
            r#"{"mode":"National"}"#,
            r#"{"asOf":["2021-03-01"]}"#,
            r#""6000""#,
            r#"null"#,
        ];
        for text in cases {
            crate::json_reference::reads_as_serde::<Form>(text);
        }
        // Both ways are exercised: some cases are read, some refused.
        assert!(Form::from_text(cases[0]).is_some_and(|f| f.mode == Mode::Nagano));
        assert_eq!(Form::from_text(cases[1]), Some(Form::default()));
        assert_eq!(Form::from_text(cases[4]), None);
        // Where the two differ, on purpose: serde would also take a list of the fields in
        // order, a shape no version of ouen ever stored.
        assert_eq!(Form::from_text("[]"), None);
    }
    use ouen_rules::format::yen;
    use ouen_rules::{simulate_raw, ErrorKind, Locale};

    fn texts(v: &Option<Value>) -> Vec<String> {
        match v {
            Some(Value::List(items)) => items
                .iter()
                .map(|i| match i {
                    Value::Text(t) => t.clone(),
                    other => panic!("not text: {other:?}"),
                })
                .collect(),
            other => panic!("not a list: {other:?}"),
        }
    }

    #[test]
    fn passes_every_field_on_as_typed() {
        let form = Form {
            rate: "６，０００".into(),
            hours: " 1.5 ".into(),
            mode: Mode::Nagano,
            sme_prior_honorarium: "10,000".into(),
            expert_prior_honorarium: "".into(),
            nagano_prior_hours: "2".into(),
            as_of: "2021-02-05".into(),
        };
        let raw = form.to_raw();
        assert_eq!(raw.rate, Some(Value::Text("６，０００".into())));
        assert_eq!(raw.hours, Some(Value::Text(" 1.5 ".into())));
        assert_eq!(raw.sme_prior_honorarium, Some(Value::Text("10,000".into())));
        assert_eq!(raw.expert_prior_honorarium, Some(Value::Text("".into())));
        assert_eq!(raw.nagano_prior_hours, Some(Value::Text("2".into())));
        assert_eq!(raw.as_of, Some(Value::Text("2021-02-05".into())));
        assert_eq!(texts(&raw.schemes), ["nagano"]);
    }

    #[test]
    fn modes_map_to_scheme_lists() {
        let schemes = |mode| {
            texts(
                &Form {
                    mode,
                    ..Form::default()
                }
                .to_raw()
                .schemes,
            )
        };
        assert_eq!(schemes(Mode::National), ["national"]);
        assert_eq!(schemes(Mode::Combined), ["national", "nagano"]);
        assert_eq!(schemes(Mode::Nagano), ["nagano"]);
    }

    #[test]
    fn default_form_is_the_leaflets_first_example() {
        // 000 §5: 6,000円/h × 12 h, combined → the SME pays 6,000円.
        let sim = simulate_raw(&Form::default().to_raw(), Locale::Ja).unwrap();
        assert_eq!(yen(sim.self_pay, Locale::Ja), "6,000円");
        assert_eq!(yen(sim.total_fee, Locale::Ja), "72,000円");
    }

    #[test]
    fn empty_optional_fields_are_accepted_by_the_core() {
        let form = Form::default();
        assert!(form.sme_prior_honorarium.is_empty() && form.as_of.is_empty());
        let sim = simulate_raw(&form.to_raw(), Locale::Ja).unwrap();
        assert_eq!(sim.as_of, None);
    }

    #[test]
    fn errors_name_the_fields_the_form_knows() {
        let form = Form {
            rate: "abc".into(),
            hours: "0".into(),
            sme_prior_honorarium: "-1".into(),
            expert_prior_honorarium: "x".into(),
            nagano_prior_hours: "99".into(),
            as_of: "2021-02-30".into(),
            ..Form::default()
        };
        let errors = simulate_raw(&form.to_raw(), Locale::Ja).unwrap_err();
        for field in Field::ALL {
            assert!(
                errors.iter().any(|e| e.field == field.api_name()),
                "{field:?} should have an error: {errors:?}"
            );
        }
        assert_eq!(errors[0].kind, ErrorKind::NotANumber);
    }

    #[test]
    fn field_values_round_trip() {
        let mut form = Form::default();
        form.set(Field::AsOf, "2021-02-05".into());
        form.set(Field::ExpertPrior, "５００".into());
        assert_eq!(form.get(Field::AsOf), "2021-02-05");
        assert_eq!(form.get(Field::ExpertPrior), "５００");
        assert_eq!(form.get(Field::Rate), "6000");
    }

    #[test]
    fn storage_json_round_trips_and_tolerates_old_or_broken_data() {
        let form = Form {
            mode: Mode::National,
            rate: "６，０００".into(),
            ..Form::default()
        };
        crate::json_reference::writes_as_serde(&form);
        let json = form.to_json().to_text();
        assert!(json.contains(r#""mode":"national""#), "{json}");
        assert_eq!(Form::from_text(&json), Some(form));
        // Fields missing from an older save take their defaults.
        assert_eq!(
            Form::from_text(r#"{"hours":"20"}"#),
            Some(Form {
                hours: "20".into(),
                ..Form::default()
            })
        );
        assert_eq!(Form::from_text("not json"), None);
        assert_eq!(Form::from_text(r#"{"mode":"tokyo"}"#), None);
    }

    #[test]
    fn an_empty_as_of_date_means_today() {
        let today = Date::parse("2021-02-10").ok();
        let raw = Form::default().to_raw_on(today);
        assert_eq!(raw.as_of, Some(Value::Text("2021-02-10".into())));
        // A chosen date wins; without a clock the field stays empty.
        let form = Form {
            as_of: "2021-01-15".into(),
            ..Form::default()
        };
        assert_eq!(
            form.to_raw_on(today).as_of,
            Some(Value::Text("2021-01-15".into()))
        );
        assert_eq!(
            Form::default().to_raw_on(None).as_of,
            Some(Value::Text("".into()))
        );
    }

    #[test]
    fn presets_fill_the_form_and_keep_the_date() {
        for p in &ouen_rules::presets::PRESETS {
            let form = Form::from_preset(p, "2021-02-01");
            assert_eq!(form.as_of, "2021-02-01");
            assert_eq!(form.mode.schemes_flags(), p.schemes);
            let sim = simulate_raw(&form.to_raw(), Locale::Ja).unwrap();
            assert_eq!(sim.self_pay, p.self_pay.into(), "{}", p.id);
        }
        for mode in Mode::ALL {
            let s = mode.schemes_flags();
            assert_eq!(Mode::of(s.national, s.nagano), mode);
        }
    }

    #[test]
    fn radio_values_match_storage_names() {
        for mode in Mode::ALL {
            let json = serde_json::to_string(&mode).unwrap();
            assert_eq!(json, format!("\"{}\"", mode.value()));
        }
    }

    /// Exactly what the first release wrote under `ouen.simulator.v1`.
    const V1_SIMULATOR: &str = r#"{"rate":"６，０００","hours":"24","mode":"nagano","smePriorHonorarium":"","expertPriorHonorarium":"10,000","naganoPriorHours":"","asOf":"2021-02-05"}"#;

    #[test]
    fn the_first_stored_format_still_opens_and_is_saved_in_the_current_one() {
        let form = Form::decode_stored(None, Some(V1_SIMULATOR)).unwrap();
        assert_eq!(
            form,
            Form {
                rate: "６，０００".into(),
                hours: "24".into(),
                mode: Mode::Nagano,
                expert_prior_honorarium: "10,000".into(),
                as_of: "2021-02-05".into(),
                ..Form::default()
            }
        );
        // Written back, it is an envelope at the current schema, and reads the same.
        let text = crate::storage::encode(&form);
        let v = Json::parse(&text).unwrap();
        assert_eq!(v.get("schema"), Some(&Json::from(crate::storage::SCHEMA)));
        let mode = v.get("data").and_then(|d| d.get("mode"));
        assert_eq!(mode, Some(&Json::from("nagano")));
        assert_eq!(Form::decode_stored(Some(&text), None), Some(form.clone()));
        // The current key wins over the legacy one.
        let newer = crate::storage::encode(&Form::default());
        assert_eq!(
            Form::decode_stored(Some(&newer), Some(V1_SIMULATOR)),
            Some(Form::default())
        );
        // An older v1 save with fewer fields still loads, with defaults.
        assert_eq!(
            Form::decode_stored(None, Some(r#"{"hours":"20"}"#)),
            Some(Form {
                hours: "20".into(),
                ..Form::default()
            })
        );
        // What cannot be read is no form.
        assert_eq!(Form::decode_stored(Some("not json"), None), None);
        assert_eq!(Form::decode_stored(None, Some(r#"{"mode":"tokyo"}"#)), None);
        assert_eq!(Form::decode_stored(None, None), None);
    }
}
