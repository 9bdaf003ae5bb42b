-- Back to the usual lock waits for the rest of the transaction: emptying a position waits
-- for readers of that position's rows (a data export) however long they take.
SET LOCAL lock_timeout TO DEFAULT
