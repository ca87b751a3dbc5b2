namespace O2o.Server.Modules.Promotions.Pricing;

/// <summary>Money split into whole fen that sum exactly to the amount: the largest-remainder (Hamilton) method.</summary>
internal static class Allocation
{
    /// <summary>
    /// Splits <paramref name="amount"/> over the <paramref name="indexes"/> of <paramref name="weights"/> in proportion to them:
    /// each gets the floor of its share, and the fen left over go one each to the largest remainders (ties: the lower line).
    /// <paramref name="amount"/> must not exceed the sum of the weights, so no share ever exceeds its weight.
    /// </summary>
    public static void Split(long amount, int[] indexes, long[] weights, long[] shares)
    {
        long total = 0;
        for (var k = 0; k < indexes.Length; k++) total += weights[indexes[k]];
        for (var k = 0; k < indexes.Length; k++) shares[indexes[k]] = 0;
        if (amount <= 0 || total <= 0) return;

        long given = 0;
        Span<long> remainders = indexes.Length <= 128 ? stackalloc long[indexes.Length] : new long[indexes.Length];
        for (var k = 0; k < indexes.Length; k++)
        {
            var weight = weights[indexes[k]];
            long share, remainder;
            // 128-bit division is slow; cart-sized figures fit in 64 bits, which is checked, not assumed.
            if (weight == 0 || amount <= long.MaxValue / weight)
                (share, remainder) = Math.DivRem(amount * weight, total);
            else
            {
                var product = (Int128)amount * weight;
                (share, remainder) = ((long)(product / total), (long)(product % total));
            }
            shares[indexes[k]] = share;
            remainders[k] = remainder;
            given += share;
        }
        for (var left = amount - given; left > 0; left--)
        {
            var pick = -1;
            for (var k = 0; k < indexes.Length; k++)
                if (remainders[k] >= 0 && (pick < 0 || remainders[k] > remainders[pick])) pick = k;
            shares[indexes[pick]]++;
            remainders[pick] = -1;
        }
    }
}
