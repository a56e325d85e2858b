using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using MoltBot.Agent;
using MoltBot.Agent.Skills;
using MoltBot.Agent.Tools;
using MoltBot.Configuration;
using MoltBot.Providers;
using MoltBot.Sessions;
using MoltBot.Storage;

namespace MoltBot.Benchmarks;

/// <summary>
/// What <c>AgentRunner.RunAsync</c> does before each model call when nothing changed since the last turn: the system
/// prompt (4 bootstrap files, 3 skills, 15 tools), the visible tool list (prompt and options), the compaction check over
/// a 130-message history.
/// </summary>
[MemoryDiagnoser]
public class TurnPreparationBenchmarks
{
    private string _dir = "";
    private AgentProfile _agent = null!;
    private ToolRegistry _tools = null!;
    private SystemPromptBuilder _prompts = null!;
    private SkillCatalog _skills = null!;
    private SessionStore _store = null!;
    private SessionInfo _session = null!;
    private Compactor _compactor = null!;
    private string _systemPrompt = "";
    private StoredMessage[] _history130 = [];
    private StoredMessage[] _history131 = [];
    private readonly HistoryTokenCount _tokenCount = new();
    private bool _longer;
    private readonly ModelInfo _model = new(new ModelRef("openai", "gpt-4o"), 128_000, 4_096);

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("moltbot-bench-").FullName;
        var workspace = Path.Combine(_dir, "workspace");
        Directory.CreateDirectory(workspace);
        foreach (var file in new[] { "AGENTS.md", "SOUL.md", "USER.md", "MEMORY.md" })
        {
            File.WriteAllText(Path.Combine(workspace, file), $"# {file}\n" + string.Concat(Enumerable.Repeat("Some guidance the owner wrote down for the agent.\n", 30)));
        }
        foreach (var name in new[] { "weather", "summarize", "calendar" })
        {
            var folder = Path.Combine(workspace, "skills", name);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, SkillDocument.FileName), $"---\nname: {name}\ndescription: Use for {name} requests.\n---\nDo the thing.\n");
        }
        _agent = new AgentProfile("main", "MoltBot", workspace, ["openai/gpt-4o"], IsDefault: true);
        _tools = new ToolRegistry([.. Enumerable.Range(0, 15).Select(i => AIFunctionFactory.Create(() => i, $"tool_{i:D2}", $"Tool number {i}: does something useful."))]);
        var catalog = _skills = new SkillCatalog(new SkillsConfig(), new MoltBotPaths(_dir, Path.Combine(_dir, "moltbot.json")), SkillHost.FromProcess());
        _prompts = new SystemPromptBuilder(_tools, TimeProvider.System, [new SkillsPromptSection(catalog), new UntrustedContentPromptSection()]);
        _systemPrompt = _prompts.Build(_agent);

        _store = new SessionStore(new SqliteDatabase(Path.Combine(_dir, "moltbot.db")), TimeProvider.System);
        _session = _store.GetOrCreate("agent:main:main", "main");
        for (var turn = 0; turn < 26; turn++)
        {
            _store.Append(_session.SessionId, new ChatMessage(ChatRole.User, $"Question {turn}: what about the thing we discussed earlier today?"));
            _store.Append(_session.SessionId, new ChatMessage(ChatRole.Assistant,
                [new FunctionCallContent($"call{turn}", "web_search", new Dictionary<string, object?> { ["query"] = $"thing {turn}", ["limit"] = 5 })]));
            _store.Append(_session.SessionId, new ChatMessage(ChatRole.Tool,
                [new FunctionResultContent($"call{turn}", $"Result {turn}: " + new string('x', 400))]));
            _store.Append(_session.SessionId, new ChatMessage(ChatRole.Assistant, $"Answer {turn}: " + new string('y', 300)));
            _store.Append(_session.SessionId, new ChatMessage(ChatRole.Assistant, "Anything else?"));
        }
        _compactor = new Compactor(_store, NullLogger<Compactor>.Instance);
        _history130 = [.. _store.LiveHistory(_session.SessionId)];
        _history131 = [.. _history130, _history130[^1] with { Message = new ChatMessage(ChatRole.User, "One more question.") }];
    }

    /// <summary>The compaction check's count when the history changed since the last turn (one message more, or one fewer).</summary>
    [Benchmark]
    public int TokenCountAfterAChange() => _tokenCount.Estimate("s", (_longer = !_longer) ? _history131 : _history130);

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [Benchmark]
    public int SystemPrompt() => _prompts.Build(_agent).Length;

    /// <summary>The skills part of <see cref="SystemPrompt"/>: the catalog's change check.</summary>
    [Benchmark]
    public int SkillsUnchanged() => _skills.Load(_agent.WorkspacePath).Skills.Count;

    [Benchmark]
    public int VisibleToolsTwice() => _tools.For(_agent).Count + _tools.For(_agent).Count;

    [Benchmark]
    public async Task<int> CompactionCheck130() =>
        (await _compactor.CompactIfNeededAsync(_agent, _session, _systemPrompt, null!, _model, CancellationToken.None)).Count;
}
