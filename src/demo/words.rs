//! Italian texts of the demo meetings: titles, agenda items, presenters, places and notes, per
//! kind of meeting. Data only; `demo::meetings` picks from it with the seeded generator.

use crate::meetings::MeetingKind;

/// Agenda items that open and close a conference.
pub const OPENING: &str = "Approvazione del verbale della seduta precedente";
pub const CLOSING: &str = "Varie ed eventuali";

/// Agenda items per kind (2–4 are drawn).
pub fn agenda(kind: MeetingKind) -> &'static [&'static str] {
    match kind {
        MeetingKind::ConferenzaZonale => &[
            "Rete SAI: stato dei progetti attivi e dei posti nella zona",
            "Avviso ministeriale per nuovi progetti SAI: adesioni dei Comuni",
            "Minori stranieri non accompagnati: fabbisogno e posti MSNA",
            "Piano integrato di salute: area inclusione sociale",
            "Ricognizione regionale delle disponibilità SAI: primi risultati",
            "Coordinamento con la Prefettura sui centri di accoglienza straordinaria",
            "Proposta di progetto SAI in forma associata tra i Comuni della zona",
        ],
        MeetingKind::ConferenzaAziendale => &[
            "Relazione sull'integrazione sociosanitaria nell'area vasta",
            "Rete SAI nell'Azienda USL: stato e prospettive",
            "Presa in carico sanitaria dei beneficiari dei progetti SAI",
            "Posti DM-DS per persone con disagio mentale o disabilità",
            "Riparto del fondo sociale e quota per l'inclusione dei migranti",
        ],
        MeetingKind::ConferenzaRegionale => &[
            "Intervento dell'Assessore regionale alle politiche sociali",
            "Il sistema di accoglienza e integrazione in Toscana: dati e tendenze",
            "Protocollo Regione Toscana – ANCI Toscana sulla rete SAI",
            "Proposta di riparto delle risorse regionali per l'accoglienza",
            "Esiti della ricognizione presso Comuni, Unioni e SdS",
        ],
        MeetingKind::DirettoriSds => &[
            "Aggiornamento sui progetti SAI gestiti dalle SdS",
            "Servizio sociale professionale per i beneficiari SAI",
            "Monitoraggio dei posti e flussi informativi",
            "Budget di salute e percorsi di autonomia",
            "Prossime scadenze del Servizio Centrale",
        ],
        MeetingKind::GiuntaUnione => &[
            "Proposta di adesione dell'Unione alla rete SAI come ente titolare",
            "Gestione associata dei servizi sociali e accoglienza",
            "Convenzione con l'ente attuatore del progetto",
            "Individuazione degli alloggi per l'accoglienza diffusa",
            "Relazione sull'andamento del progetto SAI dell'Unione",
        ],
        MeetingKind::IncontroSindaco => &[
            "Possibilità di attivare un progetto SAI nel Comune",
            "Immobili disponibili per l'accoglienza in appartamento",
            "Ampliamento dei posti del progetto esistente",
            "Rapporti con l'ente attuatore e con i servizi sociali",
            "Prossimi passi e calendario degli adempimenti",
        ],
        MeetingKind::ZonaDistretto => &[
            "Integrazione tra servizi sociali territoriali e progetti SAI",
            "Percorsi di inserimento lavorativo dei beneficiari",
            "Orientamento legale e accesso ai servizi sanitari",
            "Mediazione linguistico-culturale nei servizi della zona",
            "Casi complessi: presa in carico condivisa",
        ],
        MeetingKind::Prefettura => &[
            "Arrivi e distribuzione nei centri di accoglienza della provincia",
            "Transizione dai CAS ai progetti SAI",
            "Minori stranieri non accompagnati: posti e tempi di inserimento",
            "Rilascio e rinnovo dei permessi di soggiorno",
            "Piano provinciale per l'accoglienza diffusa",
        ],
        MeetingKind::Altro => &[
            "Presentazione del Manuale operativo SAI",
            "Rendicontazione dei progetti: novità e scadenze",
            "Esperienze dei Comuni della rete",
            "Domande e confronto con i partecipanti",
        ],
    }
}

/// Who presents an agenda item.
pub const PRESENTERS: [&str; 7] = [
    "Coordinamento ANCI Toscana",
    "Regione Toscana – Settore Politiche sociali",
    "Servizio Centrale SAI",
    "Direttore della Società della Salute",
    "Referente SAI del Comune capofila",
    "Ente attuatore",
    "Prefettura – Area Immigrazione",
];

/// Titles of "Altro" meetings.
pub const OTHER_TITLES: [&str; 6] = [
    "Seminario regionale sulla rete SAI",
    "Formazione per gli operatori dei servizi sociali comunali",
    "Incontro con gli enti gestori dei progetti SAI",
    "Riunione di coordinamento ANCI Toscana",
    "Webinar con il Servizio Centrale SAI",
    "Giornata di studio sull'accoglienza dei minori",
];

/// Subjects appended to some titles.
pub const SUBJECTS: [&str; 6] = [
    "rete SAI",
    "accoglienza e integrazione",
    "nuovi progetti SAI",
    "posti MSNA",
    "ricognizione regionale",
    "bilancio di fine anno",
];

/// One-line descriptions (the demo label is appended).
pub const DESCRIPTIONS: [&str; 5] = [
    "Documentazione inviata ai partecipanti una settimana prima.",
    "Si chiede conferma della partecipazione alla segreteria.",
    "Seduta aperta ai referenti tecnici dei Comuni.",
    "Materiali disponibili nella cartella condivisa del coordinamento.",
    "È prevista la partecipazione di un rappresentante del Servizio Centrale.",
];

/// Appended to every demo description.
pub const DEMO_LABEL: &str = "Incontro dimostrativo (dati sintetici).";

/// Notes of status changes.
pub const POSTPONED_NOTES: [&str; 3] = [
    "Rinviato su richiesta dei Comuni: nuova data da definire",
    "Rinviato per la concomitanza con il Consiglio regionale",
    "Rinviato per l'allerta meteo",
];
pub const CANCELLED_NOTES: [&str; 2] = [
    "Annullato: i temi sono trattati nella conferenza aziendale",
    "Annullato per mancanza del numero legale",
];
pub const CONFIRMED_NOTE: &str = "Sala e ordine del giorno confermati";

/// Notes of attendance.
pub const EXCUSED_NOTES: [&str; 3] = [
    "Impegno istituzionale concomitante",
    "Consiglio comunale nella stessa data",
    "Comunicato alla segreteria",
];

/// Seats of the ASL (where the conferences meet).
pub fn asl_seat(asl: crate::territory::AslCode) -> &'static str {
    match asl {
        crate::territory::AslCode::NordOvest => "Direzione aziendale, Pisa",
        crate::territory::AslCode::Centro => "Villa Fabbricotti, Firenze",
        crate::territory::AslCode::SudEst => "Direzione aziendale, Arezzo",
    }
}

/// Places of regional and "Altro" meetings.
pub const REGION_PLACES: [&str; 3] = [
    "Palazzo Strozzi Sacrati, Firenze",
    "Auditorium del Consiglio regionale, Firenze",
    "Sede ANCI Toscana, Firenze",
];
