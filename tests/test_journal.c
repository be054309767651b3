/* The undo journal: exact restores, bounded history. */
#include "testutil.h"

#include "journal.h"

static void
test_journal_undo_restores_in_order(void **state)
{
	struct journal	*j = journal_new(4, 16, sizeof (int));
	double		 x[2] = { 1.0, 2.0 };
	int		*tag;
	const int	*back;

	(void)state;
	tag = journal_begin(j);
	*tag = 7;
	journal_set(j, &x[0], 10.0);
	journal_set(j, &x[0], 20.0);	/* the same cell twice */
	journal_set(j, &x[1], 30.0);
	tag = journal_begin(j);
	*tag = 8;
	journal_set(j, &x[1], 40.0);
	assert_int_equal(journal_frames(j), 2);
	back = journal_undo(j);
	assert_int_equal(*back, 8);
	assert_true(x[1] == 30.0);
	back = journal_undo(j);
	assert_int_equal(*back, 7);
	assert_true(x[0] == 1.0 && x[1] == 2.0);
	assert_null(journal_undo(j));
	journal_free(j);
}

static void
test_journal_drops_oldest_frames(void **state)
{
	struct journal	*j = journal_new(3, 100, sizeof (int));
	double		 x = 0;
	int		 i;

	(void)state;
	for (i = 1; i <= 5; i++) {
		*(int *)journal_begin(j) = i;
		journal_set(j, &x, i);
	}
	assert_int_equal(journal_frames(j), 3);
	assert_int_equal(*(const int *)journal_undo(j), 5);
	assert_int_equal(*(const int *)journal_undo(j), 4);
	assert_int_equal(*(const int *)journal_undo(j), 3);
	assert_true(x == 2.0);
	assert_null(journal_undo(j));
	journal_free(j);
}

static void
test_journal_entry_ring_bounds_frames(void **state)
{
	struct journal	*j = journal_new(100, 6, 1);
	double		 x[3] = { 0 };
	int		 i, k;

	(void)state;
	/* Three writes per frame in a ring of six: two frames survive. */
	for (i = 1; i <= 4; i++) {
		journal_begin(j);
		for (k = 0; k < 3; k++)
			journal_set(j, &x[k], i);
	}
	assert_int_equal(journal_frames(j), 2);
	assert_non_null(journal_undo(j));
	assert_non_null(journal_undo(j));
	assert_true(x[0] == 2.0 && x[2] == 2.0);
	assert_null(journal_undo(j));
	journal_free(j);
}

static void
test_journal_frame_larger_than_ring_is_dropped(void **state)
{
	struct journal	*j = journal_new(10, 4, 1);
	double		 x[8] = { 0 };
	int		 k;

	(void)state;
	journal_begin(j);
	for (k = 0; k < 8; k++)
		journal_set(j, &x[k], 1.0);
	assert_int_equal(journal_frames(j), 0);
	assert_null(journal_undo(j));
	journal_free(j);
}

static void
test_journal_write_without_journal(void **state)
{
	double	 x = 1.0;

	(void)state;
	journal_write(NULL, &x, 3.0);
	assert_true(x == 3.0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_journal_undo_restores_in_order),
		cmocka_unit_test(test_journal_drops_oldest_frames),
		cmocka_unit_test(test_journal_entry_ring_bounds_frames),
		cmocka_unit_test(test_journal_frame_larger_than_ring_is_dropped),
		cmocka_unit_test(test_journal_write_without_journal),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
