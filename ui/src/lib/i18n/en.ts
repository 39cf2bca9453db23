// English dictionary. Typed as `Dictionary`: a missing or extra key is a type error.
import { minutesBatchEn } from './en/minutesBatch';
import type { Dictionary } from './it';

import { actionsEn } from './en/actions';
import { calendarFilesEn } from './en/calendarFiles';
import { contactFilesEn } from './en/contactFiles';
import { contactsEn } from './en/contacts';
import { meetingsEn } from './en/meetings';
import { minutesEn } from './en/minutes';
import { remindersFilesEn } from './en/remindersFiles';
import { saiEn } from './en/sai';
import { systemEn } from './en/system';

export const en: Dictionary = {
  ...contactsEn,
  ...contactFilesEn,
  ...systemEn,
  ...meetingsEn,
  ...calendarFilesEn,
  ...remindersFilesEn,
  ...saiEn,
  ...actionsEn,
  ...minutesEn,
  ...minutesBatchEn,
  'app.name': 'Raccordo',
  'app.tagline': 'SAI territorial coordination',
  'app.starting': 'Starting Raccordo…',
  'app.skipToContent': 'Skip to content',
  'app.startupNotice': 'Start-up check',
  'app.startupNoticeOk': 'Got it',

  'nav.label': 'Main navigation',
  'nav.territorio': 'Territory',
  'nav.agenda': 'Agenda',
  'nav.contatti': 'Contacts',
  'nav.azioni': 'Actions',
  'nav.sai': 'SAI survey',
  'nav.esporta': 'Export',
  'nav.impostazioni': 'Settings',
  'nav.informazioni': 'About',
  'nav.shortcutHint': 'Find a comune: / or Ctrl+K',

  'common.loading': 'Loading…',
  'common.retry': 'Try again',
  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.saving': 'Saving…',
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.fixErrors': 'Please correct the highlighted fields.',
  'common.technicalDetail': 'Program message',
  'common.edit': 'Edit',
  'common.delete': 'Delete',
  'common.undo': 'Undo',

  'error.hint.not_found': 'The requested item no longer exists. Go back to the list and try again.',
  'error.hint.validation': 'Check what you entered and try again.',
  'error.hint.conflict': 'The data changed in the meantime. Reload the page and try again.',
  'error.hint.database_too_new':
    'The database was created by a newer version of Raccordo: install the updated version.',
  'error.hint.database_corrupt':
    'The database appears to be damaged. Close Raccordo and ask whoever supports you with the application.',
  'error.hint.database_locked':
    'The database is busy, perhaps in another Raccordo window. Close it and press “Try again”.',
  'error.hint.io':
    'Raccordo cannot read or write a file. Check the free disk space and the permissions, then try again.',
  'error.hint.import': 'The imported file contains errors: correct them and import it again.',
  'error.hint.cancelled': 'Cancelled: nothing was written. You can start again whenever you like.',
  'error.hint.internal':
    'An unexpected error occurred. Try again; if it happens again, close and reopen Raccordo.',

  'startup.title': 'Cannot open the database',
  'startup.titleIpc': 'Cannot start Raccordo',
  'startup.file': 'Database file',
  'startup.untouched': 'The file has not been modified.',
  'startup.whatToDo': 'What to do',
  'startup.hint.database_too_new':
    'The database was created by a newer version of Raccordo. Install the latest version of Raccordo and open it again: this version will not modify it.',
  'startup.hint.database_corrupt':
    'The file appears to be damaged. Do not delete it: make a copy, then restore the latest backup with the command “raccordo restore FILE”, or ask whoever supports you with Raccordo.',
  'startup.hint.database_locked':
    'The database is in use by another program, perhaps another Raccordo window. Close it and reopen Raccordo.',
  'startup.hint.io':
    'Check that the folder exists, that the disk is not full and that you have write permission, then reopen Raccordo.',
  'startup.hint.other':
    'Close and reopen Raccordo. If the problem persists, send the message and the file path above to whoever supports you with Raccordo.',
  'startup.hint.ipc':
    'The interface cannot talk to the program. Close and reopen Raccordo; if you opened this page in a browser, start the desktop application instead.',

  'welcome.title': 'Welcome to Raccordo',
  'welcome.intro':
    'Raccordo helps you coordinate the work with the local authorities of Tuscany on the Reception and Integration System (SAI).',
  'welcome.point.meetings':
    'Plan the conferences of mayors and the meetings per ASL and health district (zona-distretto).',
  'welcome.point.minutes': 'Write the minutes and follow up, comune by comune, on the actions decided.',
  'welcome.point.sai': 'Keep the SAI survey of every territory up to date.',
  'welcome.point.offline': 'Works without a connection: the data stays on this computer.',
  'welcome.formTitle': 'About you',
  'welcome.formIntro':
    'Your name and organisation appear in the minutes. You can change them at any time in Settings.',
  'welcome.submit': 'Get started',

  'profile.name': 'Full name',
  'profile.nameHint': 'For example: Maria Rossi',
  'profile.org': 'Organisation',
  'profile.orgHint': 'For example: ANCI Toscana',
  'profile.nameRequired': 'Enter your full name.',
  'profile.orgRequired': 'Enter the organisation you work for.',
  'profile.tooLong': 'At most {max} characters.',
  'profile.saved': 'Profile saved.',


  'territorio.title': 'Territory',
  'territorio.summary': '{comuni} comuni · {population} inhabitants · {asl} ASL',
  'territorio.loadError': 'Cannot load the territory.',
  'territorio.treeTitle': 'ASL and health districts',

  'search.label': 'Find a comune',
  'search.placeholder': 'Name or ISTAT code, for example Pisa or 050026',
  'search.hint':
    'Press / or Ctrl+K to search, ↓ ↑ to move through the results, Enter to open the first, Esc to clear.',
  'search.results': 'Search results',
  'search.count_one': '1 comune found',
  'search.count_other': '{n} comuni found',
  'search.none': 'No comune found for “{q}”. Check the spelling or search by ISTAT code.',
  'search.searching': 'Searching…',
  'search.noZone': 'no district assigned',
  'search.error': 'The search did not work.',

  'tree.comuni_one': '1 comune',
  'tree.comuni_other': '{n} comuni',
  'tree.population': '{n} inhabitants',
  'tree.toConfirm': 'to be confirmed',
  'tree.unassigned': 'Comuni without a district ({n})',
  'tree.noZones': 'No health district for this ASL.',
  'tree.emptyZone': 'No comune is assigned to this district.',

  'banner.zonesTitle': 'Health districts to verify',
  'banner.zonesText':
    'The names of the 28 health districts are a proposed template, not official data: verify names and composition before using them in minutes.',
  'banner.zonesCount_one': '1 district still to be confirmed.',
  'banner.zonesCount_other': '{n} districts still to be confirmed.',
  'banner.confirmAll': 'Confirm all',
  'banner.manage': 'Review and rename the districts',
  'banner.confirmed_one': '1 district confirmed.',
  'banner.confirmed_other': '{n} districts confirmed.',
  'notice.synthetic':
    'Warning: the district memberships of the comuni were generated from demonstration data and are not real.',
  'notice.noMembershipTitle': 'No comune is assigned to a health district yet',
  'notice.noMembershipText':
    'You can assign the district on the page of each comune (find it above), or import all memberships from a CSV file with the columns istat_code;zona, with the command:',

  'zones.title': 'Health districts',
  'zones.intro':
    'Health districts (zone-distretto) group the comuni of each ASL. Check the proposed names, correct them if needed and confirm them.',
  'zones.back': 'Back to Territory',
  'zones.colName': 'District',
  'zones.colComuni': 'Comuni',
  'zones.colPopulation': 'Inhabitants',
  'zones.colStatus': 'Status',
  'zones.colActions': 'Actions',
  'zones.confirmed': 'Confirmed',
  'zones.toConfirm': 'To be confirmed',
  'zones.rename': 'Rename',
  'zones.renameLabel': 'New name of the district',
  'zones.confirm': 'Confirm',
  'zones.confirmAll': 'Confirm all ({n})',
  'zones.nameRequired': 'The name cannot be empty.',
  'zones.renamed': 'District renamed to “{name}”.',
  'zones.empty':
    'There are no health districts in the database. Run the command “raccordo check” to verify the reference data.',
  'zones.allConfirmed': 'All districts are confirmed.',
  'zones.loadError': 'Cannot load the health districts.',

  'comune.breadcrumb': 'You are here',
  'comune.istat': 'ISTAT code',
  'comune.cadastral': 'Cadastral code',
  'comune.province': 'Province',
  'comune.capital': 'Provincial capital',
  'comune.asl': 'ASL',
  'comune.zone': 'Health district',
  'comune.noZone': 'Not assigned',
  'comune.population': 'Population',
  'comune.populationValue': '{n} (ISTAT, 1 January {year})',
  'comune.synthetic': 'synthetic',
  'comune.syntheticHint': 'demonstration data, not real',
  'comune.peopleSection': 'People in office',
  'comune.peopleLoadError': 'The people in office could not be read.',
  'comune.peopleEmpty': 'No one in office is recorded for the Comune of {name}.',
  'comune.peopleEmptyHint': 'Import your address book (CSV or vCard) or add the person in Contacts and record their office at the Comune.',
  'comune.peopleImport': 'Import contacts',
  'comune.peopleNew': 'New person',
  'comune.colTitle': 'Office',
  'comune.colPerson': 'Person',
  'comune.zoneSection': 'Health district',
  'comune.changeZone': 'Change district',
  'comune.zoneSelect': 'New district',
  'comune.noneOption': 'No district',
  'comune.validFrom': 'Valid from',
  'comune.validFromHintFirst': 'The district applies from {date}.',
  'comune.validFromHint': 'The new district applies from {date}; the current one stays in the history until {previous}.',
  'comune.save': 'Save district',
  'comune.sameZone': 'This is already the current district: choose another one to change it.',
  'comune.validFromRequired': 'Enter a valid date from which the new district applies.',
  'comune.saved': 'District updated: {zone} from {date}.',
  'comune.savedNone': 'From {date} the comune belongs to no district.',
  'comune.history': 'Membership history',
  'comune.historyEmpty': 'No membership recorded: the comune has never been assigned to a district.',
  'comune.colFrom': 'From',
  'comune.colTo': 'To',
  'comune.colZone': 'District',
  'comune.colSource': 'Source',
  'comune.ongoing': 'ongoing',
  'comune.notFound': 'No comune with ISTAT code {istat}.',
  'comune.notFoundHint': 'Go back to Territory and search for the comune by name.',
  'comune.loadError': 'Cannot open the page of the comune.',
  'comune.zonesLoadError': 'Cannot load the list of districts: the district cannot be changed now.',
  'comune.noZonesForAsl': 'No health district is defined for this ASL.',

  'settings.title': 'Settings',
  'settings.profile': 'Profile',
  'settings.profileIntro': 'Your name and organisation appear in the minutes.',
  'settings.language': 'Language',
  'settings.languageIntro': 'Language of the interface on this computer.',
  'settings.lang.it': 'Italiano',
  'settings.lang.en': 'English',
  'settings.loadError': 'Cannot load the profile.',

  'info.title': 'About',
  'info.description':
    'Raccordo is the tool of the coordinators of Regione Toscana and ANCI Toscana for the work with local authorities on the Reception and Integration System (SAI): conferences of mayors, minutes, follow-up actions per comune and the SAI survey.',
  'info.offline':
    'Works without a network: the data stays in a single file on this computer and leaves it only when you export it.',
  'info.version': 'Version',
  'info.dbPath': 'Database file',
  'info.dataDir': 'Data folder',
  'info.schema': 'Schema version',
  'info.attribution': 'Sources of the reference data',
  'info.loadError': 'Cannot read the information about the program.',

  'notFound.title': 'Page not found',
  'notFound.text': 'The address “{path}” does not match any page of Raccordo.',
  'notFound.back': 'Go to Territory',
};
