from alpr_common.batching import batches


def test_items_are_cut_into_consecutive_batches_the_last_shorter():
    assert batches(list(range(7)), 3) == [[0, 1, 2], [3, 4, 5], [6]]


def test_no_items_make_no_batches():
    assert batches([], 4) == []
