//! Which [`ContactField`] a CSV header most likely names (Italian or English, case and accents
//! ignored): the mapping [`super::preview`] suggests.

use crate::interchange::record::ContactField;
use crate::text::fold;

/// The field a header most likely holds.
pub fn suggest_field(header: &str) -> ContactField {
    use ContactField as F;
    let h = fold(header);
    let exact: &[(&[&str], ContactField)] = &[
        (
            &[
                "titolo onorifico",
                "prefisso",
                "prefix",
                "appellativo",
                "honorific",
            ],
            F::Honorific,
        ),
        (
            &[
                "nome e cognome",
                "cognome e nome",
                "nominativo",
                "nome completo",
                "full name",
                "display name",
            ],
            F::FullName,
        ),
        (
            &[
                "nome",
                "name",
                "first name",
                "firstname",
                "given name",
                "nome proprio",
            ],
            F::GivenName,
        ),
        (
            &["cognome", "surname", "last name", "lastname", "family name"],
            F::FamilyName,
        ),
        (
            &[
                "ente",
                "organizzazione",
                "azienda",
                "societa",
                "amministrazione",
                "organization",
                "organisation",
                "company",
            ],
            F::Organisation,
        ),
        (
            &["comune", "codice istat", "istat", "municipality"],
            F::Comune,
        ),
        (
            &[
                "ruolo",
                "carica",
                "qualifica",
                "titolo",
                "incarico",
                "funzione",
                "title",
                "job title",
                "role",
            ],
            F::Title,
        ),
        (&["note", "nota", "notes", "annotazioni"], F::Notes),
        (
            &[
                "tag",
                "tags",
                "etichette",
                "etichetta",
                "categorie",
                "categories",
                "labels",
                "gruppi",
            ],
            F::Tags,
        ),
    ];
    if let Some((_, f)) = exact.iter().find(|(names, _)| names.contains(&h.as_str())) {
        return *f;
    }
    let words: Vec<&str> = h.split(' ').collect();
    let has = |w: &str| words.contains(&w);
    if has("type") || has("tipo") || has("label") {
        return F::Ignore;
    }
    if has("email")
        || has("pec")
        || has("mail")
        || h.contains("e mail")
        || h == "posta elettronica"
        || h.starts_with("posta elettronica ")
    {
        return F::Email;
    }
    if [
        "telefono",
        "tel",
        "cellulare",
        "cell",
        "phone",
        "mobile",
        "telephone",
    ]
    .iter()
    .any(|w| has(w))
    {
        return F::Phone;
    }
    F::Ignore
}
