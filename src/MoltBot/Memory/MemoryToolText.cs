using System.Globalization;
using System.Text;
using MoltBot.Agent.Tools;

namespace MoltBot.Memory;

/// <summary>How <c>memory_search</c> shows its hits to the model: location and score, then the snippet as untrusted data.</summary>
internal static class MemoryToolText
{
    public const int SnippetMaxChars = 700;

    public static string Render(string query, IReadOnlyList<MemoryHit> hits, bool semantic)
    {
        if (hits.Count == 0)
        {
            return $"No memory matches \"{query}\".";
        }
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{hits.Count} memory result(s) for \"{query}\" ({(semantic ? "hybrid: semantic + keyword" : "keyword")}); read more with memory_get.\n");
        for (var i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            text.Append(CultureInfo.InvariantCulture, $"\n[{i + 1}] {hit.Path}:{hit.StartLine}-{hit.EndLine} (score {hit.Score:0.000})\n");
            var snippet = hit.Text.Length <= SnippetMaxChars ? hit.Text : hit.Text[..SnippetMaxChars] + "…";
            text.Append(UntrustedContent.Wrap($"memory:{hit.Path}", snippet)).Append('\n');
        }
        return text.ToString();
    }
}
