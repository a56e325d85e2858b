using System.Text;

namespace MoltBot.Memory;

/// <summary>Turns free text into an FTS5 query: each word quoted (no operators get through), joined with OR so BM25 ranks by how many match.</summary>
internal static class FtsQuery
{
    public const int MaxTerms = 32;

    public static string? From(string text) => Join(Terms(text));

    public static string? Join(IReadOnlyList<string> terms) =>
        terms.Count == 0 ? null : string.Join(" OR ", terms.Select(t => "\"" + t + "\""));

    /// <summary>The distinct lower-cased words of the text, at most <see cref="MaxTerms"/>.</summary>
    public static IReadOnlyList<string> Terms(string text)
    {
        var terms = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text + " ")
        {
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }
            if (word.Length > 0 && terms.Count < MaxTerms && !terms.Contains(word.ToString()))
            {
                terms.Add(word.ToString());
            }
            word.Clear();
        }
        return terms;
    }
}
