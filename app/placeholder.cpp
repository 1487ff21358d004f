namespace xueshi { }
