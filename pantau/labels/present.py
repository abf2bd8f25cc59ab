"""Labels of presentation mode (pantau/ui/present.py): one chart per screen for coordination meetings."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    "present.start": ("Presentasi", "Present"),
    "present.start.help": (
        "Halaman ini layar penuh untuk rapat: huruf besar, satu grafik per layar. Pindah slide dengan "
        "tombol panah kiri/kanan atau PageUp/PageDown.",
        "This page full screen for a meeting: large type, one chart per screen. Change slides with the "
        "left/right arrow keys or PageUp/PageDown.",
    ),
    "present.exit": ("Keluar presentasi", "Exit presentation"),
    "present.previous": ("Sebelumnya", "Previous"),
    "present.next": ("Berikutnya", "Next"),
    "present.counter": ("{index} / {count}", "{index} / {count}"),
    "present.counter.help": (
        "Slide {index} dari {count}. Tautan halaman ini membuka slide yang sama.",
        "Slide {index} of {count}. A link to this page opens the same slide.",
    ),
    "present.period": ("Periode {start} – {end}", "Period {start} – {end}"),
    "present.kpis": ("Angka utama", "Headline figures"),
    "present.no_slides": (
        "Halaman ini tidak punya grafik untuk dipresentasikan.",
        "This page has no chart to present.",
    ),
    "present.notice.bad_slide": (
        "Parameter URL {param}: {value} bukan nomor slide; slide pertama ditampilkan.",
        "URL parameter {param}: {value} is not a slide number; the first slide is shown.",
    ),
    "present.notice.no_such_slide": (
        "Slide {value} tidak ada: halaman ini punya {count} slide. Slide terakhir ditampilkan.",
        "There is no slide {value}: this page has {count} slides. The last one is shown.",
    ),
}
