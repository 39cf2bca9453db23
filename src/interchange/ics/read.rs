//! The component walker of [`read`]: VCALENDAR → VEVENT / VTIMEZONE / skipped components.

use super::event::{convert, Floating, RawEvent};
use super::lexer::{logical_lines, parse_property, Prop};
use super::zones::{CustomZone, Zone, Zones};
use super::{IcsRead, MAX_EVENTS, MAX_VALUES_PER_EVENT};
use crate::error::{Error, Result};
use crate::interchange::record::RowIssue;
use crate::interchange::text::{decode, TextEncoding, MAX_INPUT_BYTES};

/// Most properties in one component (an event with tens of thousands of lines is not a meeting).
const MAX_PROPS: usize = 4 * MAX_VALUES_PER_EVENT;
/// Most notes listed one by one; the rest are counted.
const MAX_NOTES: usize = 1000;

/// A component being read.
enum Frame {
    Calendar,
    Event(RawEvent),
    Timezone {
        line: u32,
        props: Vec<Prop>,
        observances: Vec<(u32, Vec<Prop>)>,
    },
    /// STANDARD or DAYLIGHT: name, line, properties.
    Observance(String, u32, Vec<Prop>),
    /// A component whose content is ignored (VALARM, VTODO, …), by name.
    Skip(String),
}

impl Frame {
    fn name(&self) -> &str {
        match self {
            Frame::Calendar => "VCALENDAR",
            Frame::Event(_) => "VEVENT",
            Frame::Timezone { .. } => "VTIMEZONE",
            Frame::Observance(n, ..) => n,
            Frame::Skip(n) => n,
        }
    }
}

struct Reader {
    stack: Vec<Frame>,
    zones: Zones,
    floating: Floating,
    out: IcsRead,
    /// Events waiting for a VTIMEZONE defined later in the file.
    waiting: Vec<RawEvent>,
    calendars: usize,
    notes_dropped: usize,
}

fn component_label(name: &str) -> String {
    match name {
        "VTODO" => "un'attività (VTODO)".to_owned(),
        "VJOURNAL" => "una nota di diario (VJOURNAL)".to_owned(),
        "VFREEBUSY" => "un blocco di disponibilità (VFREEBUSY)".to_owned(),
        other => format!("il componente {other}"),
    }
}

impl Reader {
    fn note(&mut self, issue: RowIssue) {
        if self.out.notes.len() < MAX_NOTES {
            self.out.notes.push(issue);
        } else {
            self.notes_dropped += 1;
        }
    }

    fn begin(&mut self, line: u32, name: &str) -> Result<()> {
        let frame = match (self.stack.last(), name) {
            (None, "VCALENDAR") => {
                self.calendars += 1;
                Frame::Calendar
            }
            (None, _) => Frame::Skip(name.to_owned()),
            (Some(Frame::Calendar), "VEVENT") => {
                self.out.events_read += 1;
                if self.out.events_read > MAX_EVENTS {
                    return Err(Error::BadInput {
                        reason: format!(
                            "il file ha più di {MAX_EVENTS} eventi (il {}° inizia alla riga \
                             {line}): dividilo in più file, ad esempio per anno",
                            self.out.events_read
                        ),
                    });
                }
                Frame::Event(RawEvent {
                    line,
                    ..RawEvent::default()
                })
            }
            (Some(Frame::Calendar), "VTIMEZONE") => Frame::Timezone {
                line,
                props: Vec::new(),
                observances: Vec::new(),
            },
            (Some(Frame::Calendar), other) => {
                self.note(RowIssue {
                    line,
                    message: format!(
                        "riga {line}: {} non è un incontro ed è stato saltato",
                        component_label(other)
                    ),
                });
                Frame::Skip(name.to_owned())
            }
            (Some(Frame::Timezone { .. }), "STANDARD" | "DAYLIGHT") => {
                Frame::Observance(name.to_owned(), line, Vec::new())
            }
            (Some(_), _) => Frame::Skip(name.to_owned()),
        };
        self.stack.push(frame);
        Ok(())
    }

    fn end(&mut self, line: u32, name: &str) {
        let Some(depth) = self.stack.iter().rposition(|f| f.name() == name) else {
            if let Some(Frame::Event(ev)) = self.stack.last_mut() {
                ev.problem.get_or_insert(RowIssue {
                    line,
                    message: format!("riga {line}: END:{name} senza il BEGIN corrispondente"),
                });
            }
            return;
        };
        while self.stack.len() > depth + 1 {
            if let Some(frame) = self.stack.pop() {
                self.unclosed(frame, &format!("prima di END:{name} alla riga {line}"));
            }
        }
        if let Some(frame) = self.stack.pop() {
            self.finish(frame);
        }
    }

    /// A component left open: an event is rejected, the rest dropped.
    fn unclosed(&mut self, frame: Frame, where_: &str) {
        if let Frame::Event(ev) = frame {
            self.out.rejected.push(RowIssue {
                line: ev.line,
                message: format!(
                    "riga {}: l'evento non è chiuso (manca END:VEVENT {where_})",
                    ev.line
                ),
            });
        }
    }

    fn finish(&mut self, frame: Frame) {
        match frame {
            Frame::Event(ev) => {
                let waits = ev
                    .props
                    .iter()
                    .any(|p| p.param("TZID").is_some_and(|tz| !self.zones.known_now(tz)));
                if waits {
                    self.waiting.push(ev);
                } else {
                    self.convert(ev);
                }
            }
            Frame::Timezone {
                line,
                props,
                observances,
            } => match props.iter().find(|p| p.name == "TZID") {
                Some(tzid) => {
                    let id = tzid.value.trim().to_owned();
                    self.zones
                        .add_custom(&id, CustomZone::new(&props, &observances));
                }
                None => self.note(RowIssue {
                    line,
                    message: format!("riga {line}: VTIMEZONE senza TZID, ignorato"),
                }),
            },
            Frame::Observance(_, line, props) => {
                if let Some(Frame::Timezone { observances, .. }) = self.stack.last_mut() {
                    observances.push((line, props));
                }
            }
            Frame::Calendar | Frame::Skip(_) => {}
        }
    }

    fn convert(&mut self, ev: RawEvent) {
        match convert(ev, &mut self.zones, &self.floating) {
            Ok((event, notes)) => {
                for n in notes {
                    self.note(n);
                }
                self.out.events.push(event);
            }
            Err(issue) => self.out.rejected.push(issue),
        }
    }

    fn property(&mut self, p: Prop) {
        let full = match self.stack.last_mut() {
            Some(Frame::Event(ev)) => {
                ev.props.push(p);
                ev.props.len() > MAX_PROPS
            }
            Some(Frame::Timezone { props, .. }) | Some(Frame::Observance(_, _, props)) => {
                props.push(p);
                props.len() > MAX_PROPS
            }
            Some(Frame::Calendar) => {
                if p.name == "X-WR-TIMEZONE" {
                    if let Ok(zone) = self.zones.resolve(p.value.trim()) {
                        self.floating = Floating {
                            zone,
                            label: format!("del fuso {}", p.value.trim()),
                        };
                    }
                }
                false
            }
            _ => false,
        };
        if full {
            if let Some(Frame::Event(ev)) = self.stack.last_mut() {
                ev.props.clear();
                ev.problem.get_or_insert(RowIssue {
                    line: ev.line,
                    message: format!(
                        "riga {}: l'evento ha più di {MAX_PROPS} proprietà: non è un evento di \
                         calendario realistico",
                        ev.line
                    ),
                });
            } else if let Some(Frame::Timezone { props, .. } | Frame::Observance(_, _, props)) =
                self.stack.last_mut()
            {
                props.clear();
            }
        }
    }

    fn malformed(&mut self, line: u32) {
        if let Some(Frame::Event(ev)) = self.stack.last_mut() {
            ev.problem.get_or_insert(RowIssue {
                line,
                message: format!(
                    "riga {line}: non è una proprietà iCalendar (si attende NOME:valore o \
                     NOME;PARAMETRO=valore:valore)"
                ),
            });
        }
    }
}

/// Folding that split a UTF-8 character (writers that fold at 75 bytes blindly): the bytes of
/// the character before each fold are moved after it, so the text is UTF-8 again and keeps its
/// line numbers. None when that does not make the input valid UTF-8.
fn rejoin_split_utf8(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let fold = match &bytes[i..] {
            [b'\r', b'\n', b' ' | b'\t', ..] => 3,
            [b'\n', b' ' | b'\t', ..] => 2,
            _ => 0,
        };
        if fold == 0 {
            out.push(bytes[i]);
            i += 1;
            continue;
        }
        // Where an unfinished multi-byte character starts at the end of `out`, if one does.
        let mut carry_from = out.len();
        for j in (out.len().saturating_sub(3)..out.len()).rev() {
            let b = out[j];
            if b & 0xC0 == 0x80 {
                continue;
            }
            let need = match b {
                0xF0.. => 4,
                0xE0.. => 3,
                0xC0.. => 2,
                _ => 1,
            };
            if out.len() - j < need {
                carry_from = j;
            }
            break;
        }
        let carry = out.split_off(carry_from);
        out.extend_from_slice(&bytes[i..i + fold]);
        out.extend(carry);
        i += fold;
    }
    std::str::from_utf8(&out).is_ok().then_some(out)
}

/// Reads an iCalendar file; see the module contract.
pub fn read(bytes: &[u8]) -> Result<IcsRead> {
    let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let rejoined = if !utf16 && bytes.len() <= MAX_INPUT_BYTES && std::str::from_utf8(body).is_err()
    {
        rejoin_split_utf8(bytes)
    } else {
        None
    };
    let decoded = decode(rejoined.as_deref().unwrap_or(bytes))?;
    let mut r = Reader {
        stack: Vec::new(),
        zones: Zones::default(),
        floating: Floating {
            zone: Zone::Iana(chrono_tz::Tz::Europe__Rome),
            label: "italiana".to_owned(),
        },
        out: IcsRead {
            events: Vec::new(),
            rejected: Vec::new(),
            notes: Vec::new(),
            events_read: 0,
            encoding: decoded.encoding,
        },
        waiting: Vec::new(),
        calendars: 0,
        notes_dropped: 0,
    };
    if decoded.encoding == TextEncoding::Windows1252 {
        r.note(RowIssue {
            line: 1,
            message: "il file non è in UTF-8: è stato letto come Windows-1252; controlla le \
                      lettere accentate"
                .to_owned(),
        });
    }
    for item in logical_lines(&decoded.text) {
        let (no, line) = item?;
        if line.trim().is_empty() {
            continue;
        }
        let Some(p) = parse_property(no, &line) else {
            r.malformed(no);
            continue;
        };
        match p.name.as_str() {
            "BEGIN" => r.begin(no, &p.value.trim().to_ascii_uppercase())?,
            "END" => r.end(no, &p.value.trim().to_ascii_uppercase()),
            _ => r.property(p),
        }
    }
    while let Some(frame) = r.stack.pop() {
        r.unclosed(frame, "prima della fine del file");
    }
    if r.calendars == 0 {
        return Err(Error::BadInput {
            reason: "non è un file iCalendar (manca BEGIN:VCALENDAR): scegli un file .ics \
                     esportato da un calendario"
                .to_owned(),
        });
    }
    for ev in std::mem::take(&mut r.waiting) {
        r.convert(ev);
    }
    r.out.events.sort_by_key(|e| e.line);
    r.out.rejected.sort_by_key(|i| i.line);
    r.out.notes.sort_by_key(|i| i.line);
    if r.notes_dropped > 0 {
        r.out.notes.push(RowIssue {
            line: r.out.notes.last().map_or(1, |n| n.line),
            message: format!("… e altri {} avvisi dello stesso tipo", r.notes_dropped),
        });
    }
    Ok(r.out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fold_inside_a_utf8_character_is_mended() {
        // "Città" folded between the two bytes of "à".
        let input = b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20270325T090000Z\r\nSUMMARY:Citt\xC3\r\n \xA0 di Pisa\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let read = read(input).expect("readable");
        assert_eq!(
            read.encoding,
            TextEncoding::Utf8,
            "still UTF-8, not Windows-1252"
        );
        assert_eq!(
            read.events[0].summary, "Città di Pisa",
            "the character is whole again"
        );
        assert_eq!(read.events[0].line, 2, "line numbers unchanged");
    }
}
