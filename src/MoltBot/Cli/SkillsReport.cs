using MoltBot.Agent;
using MoltBot.Agent.Skills;

namespace MoltBot.Cli;

/// <summary>The text of <c>moltbot skills list|info|check</c>, written to any <see cref="TextWriter"/> (tests read it).</summary>
internal static class SkillsReport
{
    public static int List(SkillSet set, AgentProfile agent, TextWriter output)
    {
        output.WriteLine($"Skills of agent {agent.Id}:");
        if (set.Skills.Count == 0 && set.Problems.Count == 0)
        {
            output.WriteLine($"  (none) Add a folder with a SKILL.md to {set.Sources[0].Folder} or {set.Sources[1].Folder}.");
        }
        else
        {
            var width = Math.Max(4, set.Skills.Select(s => s.Name.Length).DefaultIfEmpty(0).Max());
            output.WriteLine($"  {"NAME".PadRight(width)}  {"SOURCE",-9}  STATUS");
            foreach (var skill in set.Skills.OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                var status = skill.IsReady ? "ready" : string.Join("; ", skill.Problems);
                output.WriteLine($"  {skill.Name.PadRight(width)}  {skill.Source.Label,-9}  {status}");
            }
            foreach (var problem in set.Problems)
            {
                output.WriteLine($"  ! {problem}");
            }
        }
        output.WriteLine("Folders (first wins on a name clash):");
        foreach (var source in set.Sources)
        {
            output.WriteLine($"  {source.Label,-9}  {source.Folder}{(Directory.Exists(source.Folder) ? "" : "  (not created)")}");
        }
        return 0;
    }

    public static int Info(SkillSet set, string name, TextWriter output, TextWriter error)
    {
        if (set.Find(name) is not { } skill)
        {
            var broken = set.Problems.FirstOrDefault(p => string.Equals(Path.GetFileName(Path.GetDirectoryName(p.FilePath)), name, StringComparison.OrdinalIgnoreCase));
            error.WriteLine(broken is null
                ? $"No skill named '{name}'. `moltbot skills list` shows the skills."
                : $"Skill '{name}' cannot be loaded: {broken}");
            return 1;
        }
        var definition = skill.Definition;
        output.WriteLine($"{skill.Name}  ({(skill.IsReady ? "ready" : "not offered")})");
        output.WriteLine($"  {definition.Description}");
        output.WriteLine($"  path:    {definition.FilePath}");
        output.WriteLine($"  source:  {skill.Source.Label} ({skill.Source.Folder})");
        if (!skill.Enabled)
        {
            output.WriteLine($"  disabled by skills.entries.{skill.Name}.enabled");
        }
        if (skill.Checks.Count == 0)
        {
            output.WriteLine("  requires: nothing");
        }
        else
        {
            output.WriteLine(definition.Requirements.Always ? "  requires (always offered anyway):" : "  requires:");
            foreach (var check in skill.Checks)
            {
                output.WriteLine($"    {(check.Met ? "ok     " : "missing")}  {check.Requirement}");
            }
        }
        return 0;
    }

    /// <returns>0, or 1 when any SKILL.md is broken.</returns>
    public static int Check(SkillSet set, TextWriter output)
    {
        foreach (var skill in set.Skills.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            output.WriteLine(skill.IsReady
                ? $"ok       {skill.Name}"
                : $"missing  {skill.Name}: {string.Join("; ", skill.Problems)}");
        }
        foreach (var problem in set.Problems)
        {
            output.WriteLine($"broken   {problem}");
        }
        var ready = set.Skills.Count(s => s.IsReady);
        output.WriteLine($"{set.Skills.Count + set.Problems.Count} skills: {ready} ready, {set.Skills.Count - ready} not offered, {set.Problems.Count} broken.");
        return set.Problems.Count > 0 ? 1 : 0;
    }
}
