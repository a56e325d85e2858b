using System.Text.Encodings.Web;
using System.Text.Json;
using MoltBot.Configuration;
using MoltBot.Providers;

namespace MoltBot.Cli;

/// <summary><c>moltbot models list</c>: configured providers (keys redacted to their source), their models, and each agent's primary and fallbacks.</summary>
internal static class ModelsList
{
    // Console output, not HTML: keep quotes readable instead of \u0027.
    private static readonly ModelsListJsonContext Json = new(new JsonSerializerOptions(ModelsListJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <returns>0, or 1 when an agent refers to an unusable model.</returns>
    public static int Write(MoltBotConfig config, TextWriter output, bool json = false)
    {
        var report = Build(config);
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(report, Json.ModelsListJson));
        }
        else
        {
            WriteText(report, output);
        }
        return report.Agents.Any(a => a.Errors.Count > 0) ? 1 : 0;
    }

    public static ModelsListJson Build(MoltBotConfig config)
    {
        var router = new ModelRouter(config, TimeProvider.System);
        var usedBy = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var agents = new List<ModelsListAgentJson>();
        foreach (var (agent, selection) in ModelRefParser.AgentSelections(config))
        {
            var refs = ModelRouter.RefsOf(selection);
            var errors = new List<string>();
            foreach (var r in refs)
            {
                var role = r == selection.Primary ? "primary" : "fallback";
                (usedBy.TryGetValue(r.Trim(), out var list) ? list : usedBy[r.Trim()] = []).Add($"{role} of {agent}");
                try
                {
                    router.Parse(r);
                }
                catch (ModelRefException ex)
                {
                    errors.Add(ex.Message);
                }
            }
            if (refs.Count == 0)
            {
                errors.Add($"No model set: add agents.{(agent == "defaults" ? "defaults" : "list[" + agent + "]")}.model.primary.");
            }
            agents.Add(new ModelsListAgentJson(agent, selection.Primary, selection.Fallbacks, errors));
        }

        var providers = router.Providers.Values.OrderBy(p => p.Id, StringComparer.Ordinal).Select(p =>
        {
            var ids = p.Models.Select(m => m.Id)
                .Concat(p.Models.Count == 0 ? p.BuiltIn?.KnownModels.Select(m => m.Id) ?? [] : [])
                .Concat(usedBy.Keys.Where(r => r.StartsWith(p.Id + "/", StringComparison.Ordinal)).Select(r => r[(p.Id.Length + 1)..]))
                .Distinct(StringComparer.Ordinal);
            var models = ids.Select(id =>
            {
                var (contextWindow, maxTokens) = p.Limits(id);
                var r = $"{p.Id}/{id}";
                return new ModelsListModelJson(r, contextWindow, maxTokens, usedBy.TryGetValue(r, out var users) ? users : []);
            }).ToList();
            return new ModelsListProviderJson(p.Id, p.Api, p.BaseUrl?.ToString(), p.KeyDescription, p.Problem, models);
        }).ToList();
        return new ModelsListJson(providers, agents);
    }

    private static void WriteText(ModelsListJson report, TextWriter output)
    {
        output.WriteLine("Providers:");
        if (report.Providers.Count == 0)
        {
            output.WriteLine("  (none) Set OPENROUTER_API_KEY, OPENAI_API_KEY or ANTHROPIC_API_KEY, or add models.providers.<id> to the config.");
        }
        foreach (var p in report.Providers)
        {
            output.WriteLine($"  {p.Id}  {p.Api}  {p.BaseUrl ?? "(no base URL)"}  {p.Key}");
            if (p.Problem is not null)
            {
                output.WriteLine($"    ! {p.Problem}");
            }
            if (p.Models.Count == 0)
            {
                output.WriteLine(p.Api == ProviderApi.AzureOpenAi ? "    (model ids are deployment names)" : "    (any model id)");
            }
            foreach (var m in p.Models)
            {
                var used = m.UsedBy.Count == 0 ? "" : $"  <- {string.Join(", ", m.UsedBy)}";
                output.WriteLine($"    {m.Ref}  context {m.ContextWindow}  max {m.MaxTokens}{used}");
            }
        }
        output.WriteLine("Agents:");
        foreach (var a in report.Agents)
        {
            var fallbacks = a.Fallbacks.Count == 0 ? "none" : string.Join(", ", a.Fallbacks);
            output.WriteLine($"  {a.Id}: primary {a.Primary ?? "(not set)"}; fallbacks {fallbacks}");
            foreach (var error in a.Errors)
            {
                output.WriteLine($"    ! {error}");
            }
        }
    }
}
