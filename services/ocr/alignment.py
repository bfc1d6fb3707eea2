"""Character alignment of two texts by edit distance (Levenshtein, unit costs; pure)."""


def alignment(reference: str, other: str) -> list[int | None]:
    """For each position of `reference`, the position in `other` it lines up with (None: a gap),
    along a cheapest edit script (Levenshtein, unit costs)."""
    rows, cols = len(reference) + 1, len(other) + 1
    cost = [[i + j if i == 0 or j == 0 else 0 for j in range(cols)] for i in range(rows)]
    for i in range(1, rows):
        for j in range(1, cols):
            cost[i][j] = min(cost[i - 1][j] + 1, cost[i][j - 1] + 1,
                             cost[i - 1][j - 1] + (reference[i - 1] != other[j - 1]))
    mapping: list[int | None] = [None] * len(reference)
    i, j = len(reference), len(other)
    while i > 0 and j > 0:
        if cost[i][j] == cost[i - 1][j - 1] + (reference[i - 1] != other[j - 1]):
            i, j = i - 1, j - 1
            mapping[i] = j
        elif cost[i][j] == cost[i - 1][j] + 1:
            i -= 1
        else:
            j -= 1
    return mapping


def edit_distance(a: str, b: str) -> int:
    aligned = alignment(a, b)
    pairs = [(i, j) for i, j in enumerate(aligned) if j is not None]
    substitutions = sum(a[i] != b[j] for i, j in pairs)
    return substitutions + (len(a) - len(pairs)) + (len(b) - len(pairs))
