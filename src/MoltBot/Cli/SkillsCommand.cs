using System.CommandLine;
using MoltBot.Agent;
using MoltBot.Agent.Skills;
using MoltBot.Configuration;

namespace MoltBot.Cli;

/// <summary><c>moltbot skills list|info &lt;name&gt;|check</c>: what the agent is offered, and why a skill is not.</summary>
internal static class SkillsCommand
{
    public static Command Create()
    {
        var agentOption = new Option<string?>("--agent") { Description = "Agent whose workspace skills to show (default: the default agent)." };
        var list = new Command("list", "List skills: name, source folder, and whether each is ready.") { agentOption };
        list.SetAction(parse => Run(parse.GetValue(agentOption), (skills, agent) => SkillsReport.List(skills, agent, Console.Out)));

        var name = new Argument<string>("name") { Description = "The skill's name." };
        var info = new Command("info", "Show one skill: description, path, requirements and which are met.") { name, agentOption };
        info.SetAction(parse => Run(parse.GetValue(agentOption), (skills, _) => SkillsReport.Info(skills, parse.GetRequiredValue(name), Console.Out, Console.Error)));

        var check = new Command("check", "Check every skill: what is missing, and which SKILL.md files are broken (exit 1 if any).") { agentOption };
        check.SetAction(parse => Run(parse.GetValue(agentOption), (skills, _) => SkillsReport.Check(skills, Console.Out)));

        return new Command("skills", "Skills the agent can use (folders with a SKILL.md).") { list, info, check };
    }

    private static int Run(string? agentId, Func<SkillSet, AgentProfile, int> action)
    {
        if (CliContext.TryLoad(null, Console.Error) is not { } loaded)
        {
            return CliContext.ConfigErrorExitCode;
        }
        var agents = new AgentCatalog(loaded.Config, loaded.Paths);
        var agent = agentId is null ? agents.Default : agents.Find(agentId);
        if (agent is null)
        {
            Console.Error.WriteLine($"Unknown agent '{agentId}'. Configured agents: {string.Join(", ", agents.All.Select(a => a.Id))}.");
            return 1;
        }
        var catalog = new SkillCatalog(loaded.Config.Skills, loaded.Paths, SkillHost.FromProcess());
        return action(catalog.Load(agent.WorkspacePath), agent);
    }
}
