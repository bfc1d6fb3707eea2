"""Bar charts as inline SVG, drawn from a table's labels and counts. Pure: no I/O."""
from html import escape

BAR = "#2b6ca3"
HIDDEN_PATTERN = ('<pattern id="hidden" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
                  '<rect width="6" height="6" fill="#eee"/><line x1="0" y1="0" x2="0" y2="6" stroke="#999" stroke-width="2"/>'
                  '</pattern>')


def bar_chart(title: str, labels: list[str], values: list[int | None], width: int = 640) -> str:
    """Horizontal bars, one per label; a hidden (None) value is a hatched bar marked 'suppressed'."""
    row, left, right = 22, 170, 70
    height = row * len(labels) + 30
    top = max([v for v in values if v is not None] or [0]) or 1
    bars = []
    for i, (label, value) in enumerate(zip(labels, values)):
        y = 24 + i * row
        length = (width - left - right) * (value / top if value is not None else 0.15)
        fill = BAR if value is not None else "url(#hidden)"
        text = f"{value:,}" if value is not None else "suppressed"
        bars.append(f'<text x="{left - 6}" y="{y + 14}" text-anchor="end">{escape(str(label))}</text>'
                    f'<rect x="{left}" y="{y + 2}" width="{length:.1f}" height="{row - 6}" fill="{fill}"/>'
                    f'<text x="{left + length + 4:.1f}" y="{y + 14}">{text}</text>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(title)}" width="{width}" '
            f'height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">'
            f'<defs>{HIDDEN_PATTERN}</defs><text x="0" y="14" font-weight="bold">{escape(title)}</text>'
            f'{"".join(bars)}</svg>')
