namespace MoltBot.Providers;

/// <summary>Levenshtein distance, for "did you mean" suggestions.</summary>
internal static class EditDistance
{
    public static int Between(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>The candidates closest to <paramref name="input"/>, best first, within a distance that scales with length.</summary>
    public static IReadOnlyList<string> Closest(string input, IEnumerable<string> candidates, int take = 3)
    {
        var limit = Math.Max(3, input.Length / 3);
        return [.. candidates
            .Distinct(StringComparer.Ordinal)
            .Select(c => (Candidate: c, Distance: Between(input, c)))
            .Where(x => x.Distance <= limit)
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Candidate, StringComparer.Ordinal)
            .Take(take)
            .Select(x => x.Candidate)];
    }
}
