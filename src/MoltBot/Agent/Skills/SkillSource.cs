namespace MoltBot.Agent.Skills;

/// <summary>A folder of skills and its label: <c>workspace</c> (<c>&lt;workspace&gt;/skills</c>), <c>managed</c> (<c>&lt;state dir&gt;/skills</c>) or <c>extra</c>.</summary>
internal sealed record SkillSource(string Label, string Folder);
