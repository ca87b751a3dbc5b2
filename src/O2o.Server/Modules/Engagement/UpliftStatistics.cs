namespace O2o.Server.Modules.Engagement;

/// <summary>The difference of two group means with its standard error and 95% confidence interval.</summary>
internal sealed record Uplift(double MeanTreatment, double MeanControl, double Difference, double StandardError, double Low, double High)
{
    /// <summary>The same estimate for a whole group of <paramref name="customers"/> (incremental GMV = per-customer uplift × treatment size).</summary>
    public Uplift Times(int customers) =>
        new(MeanTreatment * customers, MeanControl * customers, Difference * customers, StandardError * customers, Low * customers, High * customers);
}

/// <summary>
/// Treatment against control with Welch's standard error sqrt(s_t²/n_t + s_c²/n_c) and a normal 95% interval (±1.96·SE): good for the
/// group sizes campaigns have. Conversion is the same with values 0 and 1. Pure, so it is tested on synthetic campaigns with a known effect.
/// </summary>
internal static class UpliftStatistics
{
    public const double Z95 = 1.96;

    /// <summary>Null when a group has fewer than two customers: there is no variance to estimate from, and no honest interval.</summary>
    public static Uplift? Compare(IReadOnlyCollection<double> treatment, IReadOnlyCollection<double> control)
    {
        if (treatment.Count < 2 || control.Count < 2) return null;
        var (meanT, varianceT) = MeanAndVariance(treatment);
        var (meanC, varianceC) = MeanAndVariance(control);
        var se = Math.Sqrt(varianceT / treatment.Count + varianceC / control.Count);
        var difference = meanT - meanC;
        return new Uplift(meanT, meanC, difference, se, difference - Z95 * se, difference + Z95 * se);
    }

    /// <summary>The mean and the sample variance (n − 1), in one pass (Welford), so large fen sums lose no precision.</summary>
    public static (double Mean, double Variance) MeanAndVariance(IReadOnlyCollection<double> values)
    {
        double mean = 0, m2 = 0;
        var n = 0;
        foreach (var x in values)
        {
            n++;
            var delta = x - mean;
            mean += delta / n;
            m2 += delta * (x - mean);
        }
        return (mean, n > 1 ? m2 / (n - 1) : 0);
    }
}
