# Kalender: wiederkehrende Termine (`repeat:`) und der .ics-Kalender.

calendar-unknown-time-zone = unbekannte Zeitzone „{ $name }“ ({ $reason }): einen Namen aus der IANA-Zeitzonenliste wie Europe/Berlin verwenden
calendar-ends-before-start = der Termin { $uid } endet, bevor er beginnt
calendar-invalid-coordinates = der Termin { $uid } hat ungültige Koordinaten (Breite -90..90, Länge -180..180)
calendar-duplicate-uid = zwei Termine haben dieselbe UID { $uid }
calendar-date-out-of-range = Termin { $uid }: das Datum liegt außerhalb des möglichen Bereichs ({ $reason })

calendar-repeat-date-invalid = `{ $key }` { $date } ist kein gültiges Datum: als JJJJ-MM-TT schreiben, z. B. 2026-03-10
calendar-repeat-interval-zero = `interval` muss 1 oder mehr sein (1 = jedes Mal, 2 = jedes zweite Mal)
calendar-repeat-until-before-first = `until` { $until } liegt vor dem ersten Datum des Termins (`date` { $first })
calendar-repeat-count-zero = `count` muss 1 oder mehr sein (das erste `date` zählt mit)
calendar-repeat-count-and-until = `count` und `until` gehen nicht zusammen: eines von beiden behalten
calendar-repeat-nth-invalid = `nth` muss 1, 2, 3, 4, 5 oder -1 (der letzte) sein, nicht { $nth }
calendar-repeat-nth-needs-weekday = `nth` braucht auch `weekday`: für „jeden 2. Dienstag“ `weekday: tue` schreiben
calendar-repeat-one-weekday = nur `every: week` nimmt eine Liste von Wochentagen; hier einen einzigen `weekday` angeben
calendar-repeat-nth-weekly = `nth` geht nur mit `every: month` oder `every: year`: „jeden 2. Dienstag“ ist `every: month`, `weekday: tue`, `nth: 2`
calendar-repeat-weekday-needs-nth = `weekday` mit `every: { $every }` braucht auch `nth`: `nth: 2` für „jeden 2. { $weekday }“ oder `nth: -1` für den letzten schreiben
calendar-repeat-first-misfit = das erste `date` { $first } ist ein { $weekday }, aber laut `repeat` gilt: { $rule }
calendar-repeat-first-misfit-fix = das erste `date` { $first } ist ein { $weekday }, aber laut `repeat` gilt: { $rule }; das erste passende Datum ist der { $fits }: `date: { $fits }` schreiben
calendar-repeat-except-unused = `except` { $date } ist keiner der Termine ({ $rule }) und ändert daher nichts

calendar-every-unknown = `every: { $every }` ist unbekannt: `every: week`, `every: month` oder `every: year` schreiben
calendar-weekday-unknown = `weekday: { $weekday }` ist kein Wochentag: mo, di, mi, do, fr, sa oder so schreiben (die englischen mon, tue, wed, thu, fri, sat, sun gehen auch)
calendar-weekday-expected = ein Wochentag wie `tue` oder eine Liste wie `[tue, thu]`

# Eine Wiederholung in Worten, innerhalb der Meldungen oben.
calendar-pattern-weekly = jeden { $days }
calendar-days-and = { $list } und { $last }
calendar-pattern-month-day = jeden Monat am { $day }.
calendar-pattern-month-nth = jeden { $nth } { $weekday } im Monat
calendar-pattern-year-date = jedes Jahr am { $day }. { $month }
calendar-pattern-year-nth = jedes Jahr am { $nth } { $weekday } im { $month }
calendar-ordinal =
    { $n ->
        [-1] letzten
       *[other] { $n }.
    }
calendar-weekday =
    { $day ->
        [1] Montag
        [2] Dienstag
        [3] Mittwoch
        [4] Donnerstag
        [5] Freitag
        [6] Samstag
       *[7] Sonntag
    }
calendar-month =
    { $month ->
        [1] Januar
        [2] Februar
        [3] März
        [4] April
        [5] Mai
        [6] Juni
        [7] Juli
        [8] August
        [9] September
        [10] Oktober
        [11] November
       *[12] Dezember
    }
