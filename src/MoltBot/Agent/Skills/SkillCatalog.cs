using System.Text;
using MoltBot.Configuration;

namespace MoltBot.Agent.Skills;

/// <summary>
/// Loads skills from <c>&lt;workspace&gt;/skills</c>, then <c>&lt;state dir&gt;/skills</c>, then <c>skills.load.extraDirs</c>
/// (the first of a name wins). Cheap to call every turn: it re-reads only when a folder or SKILL.md changed
/// (write times and sizes), so a skill the agent just wrote is offered on the next turn without a restart.
/// </summary>
internal sealed class SkillCatalog(SkillsConfig config, MoltBotPaths paths, SkillHost host)
{
    private readonly Dictionary<string, (string Stamp, SkillSet Set)> _cache = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Where each thread builds the stamp it compares, so an unchanged check allocates no string.</summary>
    [ThreadStatic]
    private static StringBuilder? t_stamp;

    public string ManagedFolder => Path.Combine(paths.StateDir, "skills");

    public IReadOnlyList<SkillSource> SourcesFor(string workspacePath) =>
    [
        new("workspace", Path.Combine(workspacePath, "skills")),
        new("managed", ManagedFolder),
        .. config.ExtraDirs.Select(d => new SkillSource("extra", Path.GetFullPath(d))),
    ];

    public SkillSet Load(string workspacePath)
    {
        (string Stamp, SkillSet Set) cached;
        lock (_gate)
        {
            _cache.TryGetValue(workspacePath, out cached);
        }
        // The stamp is built every call (the check) but kept as a string only when it changed.
        var sources = cached.Set?.Sources ?? SourcesFor(workspacePath);
        var builder = t_stamp ??= new StringBuilder();
        Stamp(sources, builder.Clear());
        if (cached.Set is not null && builder.Equals(cached.Stamp.AsSpan()))
        {
            return cached.Set;
        }
        var stamp = builder.ToString();
        var set = Read(sources);
        lock (_gate)
        {
            _cache[workspacePath] = (stamp, set);
        }
        return set;
    }

    private SkillSet Read(IReadOnlyList<SkillSource> sources)
    {
        var skills = new List<Skill>();
        var problems = new List<SkillProblem>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in sources)
        {
            foreach (var file in SkillFiles(source.Folder))
            {
                SkillDefinition definition;
                try
                {
                    definition = SkillDocument.Parse(file, File.ReadAllText(file));
                }
                catch (SkillFormatException ex)
                {
                    problems.Add(new SkillProblem(file, ex.Line, ex.Message));
                    continue;
                }
                catch (IOException ex)
                {
                    problems.Add(new SkillProblem(file, 1, $"cannot be read: {ex.Message}"));
                    continue;
                }
                if (!seen.Add(definition.Name))
                {
                    continue; // a higher-precedence folder has a skill of this name
                }
                var entry = config.Entries.GetValueOrDefault(definition.Name);
                var checks = SkillGate.Check(definition.Requirements, host, entry?.Env.Keys.ToList() ?? []);
                skills.Add(new Skill(definition, source, checks, entry?.Enabled ?? true));
            }
        }
        return new SkillSet(sources, skills, problems);
    }

    private static IEnumerable<string> SkillFiles(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }
        return Directory.EnumerateDirectories(folder)
            .Where(d => !Path.GetFileName(d).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .Select(d => Path.Combine(d, SkillDocument.FileName))
            .Where(File.Exists);
    }

    /// <summary>Write times and sizes of every folder and SKILL.md involved; equal stamps mean nothing to re-read.</summary>
    private static void Stamp(IReadOnlyList<SkillSource> sources, StringBuilder stamp)
    {
        foreach (var source in sources)
        {
            var folder = new DirectoryInfo(source.Folder);
            if (!folder.Exists)
            {
                stamp.Append(source.Folder).Append("|-;");
                continue;
            }
            stamp.Append(source.Folder).Append('|').Append(folder.LastWriteTimeUtc.Ticks).Append(';');
            foreach (var skill in folder.EnumerateDirectories())
            {
                var file = new FileInfo(Path.Combine(skill.FullName, SkillDocument.FileName));
                stamp.Append(skill.Name).Append('|').Append(skill.LastWriteTimeUtc.Ticks).Append('|')
                    .Append(file.Exists ? file.LastWriteTimeUtc.Ticks : 0).Append('|').Append(file.Exists ? file.Length : -1).Append(';');
            }
        }
    }
}
