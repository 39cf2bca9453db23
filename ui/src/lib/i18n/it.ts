// Italian dictionary: the reference locale. Its keys define `MessageKey`; en.ts must have exactly
// the same keys (enforced by the `Dictionary` type). Placeholders are `{name}`; plural pairs end
// in `_one` / `_other`. Large areas keep their messages in it/<area>.ts, spread in here.
import { minutesBatchIt } from './it/minutesBatch';
import { actionsIt } from './it/actions';
import { calendarFilesIt } from './it/calendarFiles';
import { contactFilesIt } from './it/contactFiles';
import { contactsIt } from './it/contacts';
import { meetingsIt } from './it/meetings';
import { minutesIt } from './it/minutes';
import { remindersFilesIt } from './it/remindersFiles';
import { saiIt } from './it/sai';
import { systemIt } from './it/system';

export const it = {
  ...contactsIt,
  ...contactFilesIt,
  ...systemIt,
  ...meetingsIt,
  ...calendarFilesIt,
  ...remindersFilesIt,
  ...saiIt,
  ...actionsIt,
  ...minutesIt,
  ...minutesBatchIt,
  'app.name': 'Raccordo',
  'app.tagline': 'Coordinamento territoriale SAI',
  'app.starting': 'Avvio di Raccordo…',
  'app.skipToContent': 'Vai al contenuto',
  'app.startupNotice': 'Controllo all’avvio',
  'app.startupNoticeOk': 'Ho capito',

  'nav.label': 'Navigazione principale',
  'nav.territorio': 'Territorio',
  'nav.agenda': 'Agenda',
  'nav.contatti': 'Contatti',
  'nav.azioni': 'Azioni',
  'nav.sai': 'Ricognizione SAI',
  'nav.esporta': 'Esporta',
  'nav.impostazioni': 'Impostazioni',
  'nav.informazioni': 'Informazioni',
  'nav.shortcutHint': 'Cerca un comune: / oppure Ctrl+K',

  'common.loading': 'Caricamento…',
  'common.retry': 'Riprova',
  'common.save': 'Salva',
  'common.cancel': 'Annulla',
  'common.saving': 'Salvataggio…',
  'common.yes': 'Sì',
  'common.no': 'No',
  'common.fixErrors': 'Correggi i campi evidenziati.',
  'common.technicalDetail': 'Messaggio del programma',
  'common.edit': 'Modifica',
  'common.delete': 'Elimina',
  'common.undo': 'Annulla l’operazione',

  'error.hint.not_found': 'L’elemento richiesto non esiste più. Torna all’elenco e riprova.',
  'error.hint.validation': 'Controlla i dati inseriti e riprova.',
  'error.hint.conflict': 'I dati sono cambiati nel frattempo. Ricarica la pagina e riprova.',
  'error.hint.database_too_new':
    'Il database è stato creato da una versione più recente di Raccordo: installa la versione aggiornata.',
  'error.hint.database_corrupt':
    'Il database risulta danneggiato. Chiudi Raccordo e chiedi aiuto a chi ti assiste con l’applicazione.',
  'error.hint.database_locked':
    'Il database è occupato, forse da un’altra finestra di Raccordo. Chiudila e premi «Riprova».',
  'error.hint.io':
    'Raccordo non riesce a leggere o scrivere un file. Controlla lo spazio su disco e i permessi, poi riprova.',
  'error.hint.import': 'Il file importato contiene errori: correggili e ripeti l’importazione.',
  'error.hint.cancelled': 'Operazione annullata: non è stato scritto nulla. Puoi ricominciare quando vuoi.',
  'error.hint.internal':
    'Si è verificato un errore imprevisto. Riprova; se si ripete, chiudi e riapri Raccordo.',

  'startup.title': 'Impossibile aprire il database',
  'startup.titleIpc': 'Impossibile avviare Raccordo',
  'startup.file': 'File del database',
  'startup.untouched': 'Il file non è stato modificato.',
  'startup.whatToDo': 'Cosa fare',
  'startup.hint.database_too_new':
    'Il database è stato creato da una versione più recente di Raccordo. Installa l’ultima versione di Raccordo e riaprilo: questa versione non lo modificherà.',
  'startup.hint.database_corrupt':
    'Il file risulta danneggiato. Non cancellarlo: fanne una copia, poi ripristina l’ultimo backup con il comando «raccordo restore FILE» oppure chiedi aiuto a chi ti assiste con Raccordo.',
  'startup.hint.database_locked':
    'Il database è in uso da un altro programma, forse da un’altra finestra di Raccordo. Chiudila e riapri Raccordo.',
  'startup.hint.io':
    'Controlla che la cartella esista, che il disco non sia pieno e di avere i permessi di scrittura, poi riapri Raccordo.',
  'startup.hint.other':
    'Chiudi e riapri Raccordo. Se il problema si ripete, comunica il messaggio e il percorso del file qui sopra a chi ti assiste con Raccordo.',
  'startup.hint.ipc':
    'L’interfaccia non riesce a comunicare con il programma. Chiudi e riapri Raccordo; se hai aperto questa pagina in un browser, avvia invece l’applicazione desktop.',

  'welcome.title': 'Benvenuto in Raccordo',
  'welcome.intro':
    'Raccordo ti aiuta a coordinare il lavoro con gli enti locali della Toscana sul Sistema di Accoglienza e Integrazione (SAI).',
  'welcome.point.meetings':
    'Pianifica le conferenze dei sindaci e gli incontri per ASL e zona-distretto.',
  'welcome.point.minutes': 'Scrivi i verbali e segui, comune per comune, le azioni decise.',
  'welcome.point.sai': 'Tieni aggiornata la ricognizione SAI di ogni territorio.',
  'welcome.point.offline':
    'Funziona senza connessione: i dati restano su questo computer.',
  'welcome.formTitle': 'Chi sei',
  'welcome.formIntro':
    'Il tuo nome e il tuo ente compaiono nei verbali. Potrai cambiarli in qualsiasi momento da Impostazioni.',
  'welcome.submit': 'Inizia',

  'profile.name': 'Nome e cognome',
  'profile.nameHint': 'Ad esempio: Maria Rossi',
  'profile.org': 'Ente o organizzazione',
  'profile.orgHint': 'Ad esempio: ANCI Toscana',
  'profile.nameRequired': 'Scrivi il tuo nome e cognome.',
  'profile.orgRequired': 'Scrivi l’ente o l’organizzazione per cui lavori.',
  'profile.tooLong': 'Al massimo {max} caratteri.',
  'profile.saved': 'Profilo salvato.',


  'territorio.title': 'Territorio',
  'territorio.summary': '{comuni} comuni · {population} abitanti · {asl} ASL',
  'territorio.loadError': 'Impossibile caricare il territorio.',
  'territorio.treeTitle': 'ASL e zone-distretto',

  'search.label': 'Cerca un comune',
  'search.placeholder': 'Nome o codice ISTAT, ad esempio Pisa o 050026',
  'search.hint':
    'Premi / o Ctrl+K per cercare, ↓ ↑ per scorrere i risultati, Invio per aprire il primo, Esc per cancellare.',
  'search.results': 'Risultati della ricerca',
  'search.count_one': '1 comune trovato',
  'search.count_other': '{n} comuni trovati',
  'search.none':
    'Nessun comune trovato per «{q}». Controlla come è scritto o cerca per codice ISTAT.',
  'search.searching': 'Ricerca in corso…',
  'search.noZone': 'zona non assegnata',
  'search.error': 'La ricerca non ha funzionato.',

  'tree.comuni_one': '1 comune',
  'tree.comuni_other': '{n} comuni',
  'tree.population': '{n} abitanti',
  'tree.toConfirm': 'da confermare',
  'tree.unassigned': 'Comuni senza zona assegnata ({n})',
  'tree.noZones': 'Nessuna zona-distretto per questa ASL.',
  'tree.emptyZone': 'Nessun comune assegnato a questa zona.',

  'banner.zonesTitle': 'Zone-distretto da verificare',
  'banner.zonesText':
    'I nomi delle 28 zone-distretto sono un modello proposto, non un dato ufficiale: verifica nomi e composizione prima di usarli nei verbali.',
  'banner.zonesCount_one': 'Resta 1 zona da confermare.',
  'banner.zonesCount_other': 'Restano {n} zone da confermare.',
  'banner.confirmAll': 'Conferma tutte',
  'banner.manage': 'Rivedi e rinomina le zone',
  'banner.confirmed_one': '1 zona confermata.',
  'banner.confirmed_other': '{n} zone confermate.',
  'notice.synthetic':
    'Attenzione: le appartenenze dei comuni alle zone sono generate dai dati dimostrativi, non sono reali.',
  'notice.noMembershipTitle': 'Nessun comune è ancora assegnato a una zona-distretto',
  'notice.noMembershipText':
    'Puoi assegnare la zona dalla scheda di ciascun comune (cercalo qui sopra), oppure importare tutte le appartenenze da un file CSV con le colonne istat_code;zona, con il comando:',

  'zones.title': 'Zone-distretto',
  'zones.intro':
    'Le zone-distretto raggruppano i comuni di ciascuna ASL. Verifica i nomi proposti, correggili se serve e confermali.',
  'zones.back': 'Torna al Territorio',
  'zones.colName': 'Zona',
  'zones.colComuni': 'Comuni',
  'zones.colPopulation': 'Abitanti',
  'zones.colStatus': 'Stato',
  'zones.colActions': 'Azioni',
  'zones.confirmed': 'Confermata',
  'zones.toConfirm': 'Da confermare',
  'zones.rename': 'Rinomina',
  'zones.renameLabel': 'Nuovo nome della zona',
  'zones.confirm': 'Conferma',
  'zones.confirmAll': 'Conferma tutte ({n})',
  'zones.nameRequired': 'Il nome non può essere vuoto.',
  'zones.renamed': 'Zona rinominata in «{name}».',
  'zones.empty':
    'Nel database non ci sono zone-distretto. Esegui il comando «raccordo check» per verificare i dati di riferimento.',
  'zones.allConfirmed': 'Tutte le zone sono confermate.',
  'zones.loadError': 'Impossibile caricare le zone-distretto.',

  'comune.breadcrumb': 'Sei qui',
  'comune.istat': 'Codice ISTAT',
  'comune.cadastral': 'Codice catastale',
  'comune.province': 'Provincia',
  'comune.capital': 'Capoluogo di provincia',
  'comune.asl': 'ASL',
  'comune.zone': 'Zona-distretto',
  'comune.noZone': 'Non assegnata',
  'comune.population': 'Popolazione',
  'comune.populationValue': '{n} (ISTAT, 1° gennaio {year})',
  'comune.synthetic': 'sintetico',
  'comune.syntheticHint': 'dato dimostrativo, non reale',
  'comune.peopleSection': 'Persone in carica',
  'comune.peopleLoadError': 'Non è stato possibile leggere le persone in carica.',
  'comune.peopleEmpty': 'Nessuna persona in carica registrata per il Comune di {name}.',
  'comune.peopleEmptyHint': 'Importa la tua rubrica (CSV o vCard) oppure aggiungi la persona dai Contatti e registra il suo incarico presso il Comune.',
  'comune.peopleImport': 'Importa contatti',
  'comune.peopleNew': 'Nuova persona',
  'comune.colTitle': 'Incarico',
  'comune.colPerson': 'Persona',
  'comune.zoneSection': 'Zona-distretto',
  'comune.changeZone': 'Cambia zona',
  'comune.zoneSelect': 'Nuova zona',
  'comune.noneOption': 'Nessuna zona',
  'comune.validFrom': 'Valida dal',
  'comune.validFromHintFirst': 'La zona vale dal {date}.',
  'comune.validFromHint': 'La nuova zona vale dal {date}; quella attuale resta nello storico fino al {previous}.',
  'comune.save': 'Salva la zona',
  'comune.sameZone': 'È già la zona attuale: scegline un’altra per cambiarla.',
  'comune.validFromRequired': 'Indica una data valida da cui vale la nuova zona.',
  'comune.saved': 'Zona aggiornata: {zone} dal {date}.',
  'comune.savedNone': 'Dal {date} il comune non appartiene ad alcuna zona.',
  'comune.history': 'Storico delle appartenenze',
  'comune.historyEmpty': 'Nessuna appartenenza registrata: il comune non è mai stato assegnato a una zona.',
  'comune.colFrom': 'Dal',
  'comune.colTo': 'Al',
  'comune.colZone': 'Zona',
  'comune.colSource': 'Fonte',
  'comune.ongoing': 'in corso',
  'comune.notFound': 'Nessun comune con codice ISTAT {istat}.',
  'comune.notFoundHint': 'Torna al Territorio e cerca il comune per nome.',
  'comune.loadError': 'Impossibile aprire la scheda del comune.',
  'comune.zonesLoadError': 'Impossibile caricare l’elenco delle zone: non puoi cambiare zona ora.',
  'comune.noZonesForAsl': 'Nessuna zona-distretto è definita per questa ASL.',

  'settings.title': 'Impostazioni',
  'settings.profile': 'Profilo',
  'settings.profileIntro': 'Il tuo nome e il tuo ente compaiono nei verbali.',
  'settings.language': 'Lingua',
  'settings.languageIntro': 'Lingua dell’interfaccia su questo computer.',
  'settings.lang.it': 'Italiano',
  'settings.lang.en': 'English',
  'settings.loadError': 'Impossibile caricare il profilo.',

  'info.title': 'Informazioni',
  'info.description':
    'Raccordo è lo strumento dei coordinatori di Regione Toscana e ANCI Toscana per il lavoro con gli enti locali sul Sistema di Accoglienza e Integrazione (SAI): conferenze dei sindaci, verbali, azioni da seguire per comune e ricognizione SAI.',
  'info.offline':
    'Funziona senza rete: i dati restano in un unico file su questo computer e ne escono solo quando li esporti.',
  'info.version': 'Versione',
  'info.dbPath': 'File del database',
  'info.dataDir': 'Cartella dei dati',
  'info.schema': 'Versione dello schema',
  'info.attribution': 'Fonti dei dati di riferimento',
  'info.loadError': 'Impossibile leggere le informazioni sul programma.',

  'notFound.title': 'Pagina non trovata',
  'notFound.text': 'L’indirizzo «{path}» non corrisponde a nessuna pagina di Raccordo.',
  'notFound.back': 'Vai al Territorio',
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof it;

/** A complete translation: exactly the Italian keys, each a string. */
export type Dictionary = { readonly [K in MessageKey]: string };
