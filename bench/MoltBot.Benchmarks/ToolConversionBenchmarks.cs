using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using MoltBot.Providers.OpenAi;
using OpenAI.Chat;

namespace MoltBot.Benchmarks;

/// <summary>
/// The tool part of building one request's options, 10 tools: what M.E.AI's <c>OpenAIChatClient</c> does on every call
/// (convert each tool's schema) against what reaches it through <see cref="ConvertedToolsChatClient"/> (cached tools).
/// </summary>
[MemoryDiagnoser]
public class ToolConversionBenchmarks
{
    private readonly AITool[] _tools = [.. Enumerable.Range(0, 10).Select(ModelCallBenchmarks.Tool)];

    [Benchmark(Baseline = true)]
    public int ConvertEveryCall()
    {
        var options = new ChatCompletionOptions();
        foreach (var tool in _tools)
        {
            options.Tools.Add(((AIFunctionDeclaration)tool).AsOpenAIChatTool());
        }
        return options.Tools.Count;
    }

    [Benchmark]
    public int Cached()
    {
        var options = ConvertedToolsChatClient.WithConvertedTools(new ChatOptions { Tools = [.. _tools] })!;
        return ((ChatCompletionOptions)options.RawRepresentationFactory!(null!)!).Tools.Count;
    }
}
