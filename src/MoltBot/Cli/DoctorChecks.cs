using MoltBot.Agent;
using MoltBot.Configuration;
using MoltBot.Providers;
using MoltBot.Security.AuditChecks;

namespace MoltBot.Cli;

/// <summary>The checks behind <c>moltbot doctor</c>: configuration, model refs, provider reachability, state permissions.</summary>
internal static class DoctorChecks
{
    public static async Task<IReadOnlyList<DoctorFinding>> RunAsync(ConfigLoadRequest request, CancellationToken cancellationToken, HttpMessageHandler? handler = null)
    {
        var findings = new List<DoctorFinding>();
        LoadedConfig loaded;
        try
        {
            loaded = ConfigLoader.Load(request);
            findings.Add(new("config", DoctorSeverity.Ok, loaded.FileExists ? $"{loaded.Paths.ConfigPath} is valid" : $"no config file at {loaded.Paths.ConfigPath}; using defaults and environment"));
        }
        catch (ConfigException ex)
        {
            findings.AddRange(ex.Issues.Select(i => new DoctorFinding("config", DoctorSeverity.Error,
                i.File is null ? $"{i.Key}: {i.Message}" : $"{i.Key} ({i.File}{(i.Line is null ? "" : $":{i.Line}")}): {i.Message}",
                i.Fix ?? "Edit the file, then run `moltbot config validate`.")));
            return findings;
        }

        findings.AddRange(StatePermissionFindings(loaded.Paths));
        var agents = new AgentCatalog(loaded.Config, loaded.Paths);
        var router = new ModelRouter(loaded.Config, TimeProvider.System);
        foreach (var agent in agents.All)
        {
            if (agent.ModelRefs.Count == 0)
            {
                findings.Add(new("model", DoctorSeverity.Error, $"agent '{agent.Id}' has no model",
                    "Set OPENROUTER_API_KEY (or OPENAI_API_KEY / ANTHROPIC_API_KEY / AZURE_OPENAI_ENDPOINT), or agents.defaults.model.primary."));
                continue;
            }
            foreach (var modelRef in agent.ModelRefs)
            {
                try
                {
                    router.Parse(modelRef);
                    findings.Add(new("model", DoctorSeverity.Ok, $"agent '{agent.Id}' uses {modelRef}"));
                }
                catch (ModelRefException ex)
                {
                    findings.Add(new("model", DoctorSeverity.Error, ex.Message, "Fix agents.defaults.model (or the agent's model) in moltbot.json, or MOLTBOT_MODEL."));
                }
            }
        }

        // Probe each provider an agent actually uses, once.
        using var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        var used = agents.All.SelectMany(a => a.ModelRefs).Select(r => r.Split('/')[0]).Distinct(StringComparer.Ordinal);
        foreach (var providerId in used)
        {
            if (router.Providers.TryGetValue(providerId, out var provider))
            {
                findings.Add(await DoctorProviderProbe.ProbeAsync(provider, http, cancellationToken));
            }
        }
        return findings;
    }

    private static IEnumerable<DoctorFinding> StatePermissionFindings(MoltBotPaths paths)
    {
        if (!Directory.Exists(paths.StateDir))
        {
            yield return new("state", DoctorSeverity.Ok, $"{paths.StateDir} does not exist yet; the gateway creates it (0700) on first start");
            yield break;
        }
        if (OperatingSystem.IsWindows())
        {
            yield break;
        }
        var problems = StatePermissions.Find(paths);
        if (!problems.Any(p => p.Path == paths.StateDir))
        {
            yield return new("state", DoctorSeverity.Ok, $"{paths.StateDir} is private (0700)");
        }
        foreach (var problem in problems)
        {
            yield return new("state", DoctorSeverity.Warning,
                $"{problem.Path} is {(problem.OpenToOthers ? "readable by other users" : "readable by your group")} ({UnixPermissions.Octal(problem.Mode)})",
                problem.Chmod);
        }
    }
}
