using Microsoft.Extensions.AI;

namespace MoltBot.Agent.Tools;

/// <summary>
/// Tools merged from several <see cref="IToolSource"/>s, kept with the list instances they were merged from: still
/// current while every source returns the same instance (a source replaces its list on a change, never mutates it).
/// </summary>
internal sealed class MergedTools
{
    private readonly IReadOnlyCollection<AIFunction>[] _parts;

    private MergedTools(IReadOnlyCollection<AIFunction>[] parts, AIFunction[] tools)
    {
        _parts = parts;
        Tools = tools;
    }

    public AIFunction[] Tools { get; }

    /// <param name="merge">How the sources' current lists become one.</param>
    public static MergedTools From(IToolSource[] sources, Func<IReadOnlyCollection<AIFunction>[], AIFunction[]> merge)
    {
        var parts = new IReadOnlyCollection<AIFunction>[sources.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = sources[i].Tools;
        }
        return new MergedTools(parts, merge(parts));
    }

    public bool IsCurrent(IToolSource[] sources)
    {
        for (var i = 0; i < sources.Length; i++)
        {
            if (!ReferenceEquals(sources[i].Tools, _parts[i]))
            {
                return false;
            }
        }
        return true;
    }
}
