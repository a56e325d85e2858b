using MoltBot.Memory;

namespace MoltBot.Tests.Memory;

/// <summary>The memory index over real files and a real SQLite store: chunking, incremental re-index, hybrid ranking.</summary>
public sealed class MemoryIndexTests
{
    private static string Lines(string prefix, int count) =>
        string.Join('\n', Enumerable.Range(1, count).Select(i => $"{prefix} line {i}: the quick brown fox jumps over the lazy dog near the river bank"));

    [Fact]
    public async Task Sync_IndexesMemoryMdAndDailyNotes_InChunksWithLineRanges_AndNothingElse()
    {
        await using var memory = await MemoryIndexFixture.StartAsync();
        memory.Write("MEMORY.md", "# Memory\n\nThe owner prefers tea over coffee.\n");
        memory.Write("memory/2026-12-01.md", Lines("daily", 120));
        memory.Write("AGENTS.md", "zebra instructions");
        memory.Write("notes/other.md", "zebra notes");

        var result = await memory.SyncAsync();

        Assert.Equal(["MEMORY.md", "memory/2026-12-01.md"], result.Indexed);
        var chunks = memory.Store.ChunkCount("main");
        Assert.True(chunks >= 5, $"120 long lines should make several ~400-token chunks, got {chunks}");
        Assert.Empty(await memory.SearchAsync("zebra"));
        var hit = Assert.Single(await memory.SearchAsync("tea coffee", 1));
        Assert.Equal(("MEMORY.md", 1, 3), (hit.Path, hit.StartLine, hit.EndLine));
        var daily = await memory.SearchAsync("daily line 120", 1);
        Assert.Equal("memory/2026-12-01.md", daily[0].Path);
        Assert.Equal(120, daily[0].EndLine);
    }

    [Fact]
    public void Chunker_MakesChunksOfAbout400Tokens_WithAbout80TokensOfOverlap()
    {
        var text = string.Join('\n', Enumerable.Range(1, 200).Select(i => $"line {i:000} " + new string('x', 50)));

        var chunks = MarkdownChunker.Chunk(text, tokens: 400, overlap: 80);

        Assert.True(chunks.Count > 5);
        Assert.All(chunks, c => Assert.InRange(c.Text.Length, 1, 400 * MoltBot.Agent.TokenEstimator.CharsPerToken));
        for (var i = 1; i < chunks.Count; i++)
        {
            var overlapLines = chunks[i - 1].EndLine - chunks[i].StartLine + 1;
            Assert.InRange(overlapLines * 60, 60, (80 * MoltBot.Agent.TokenEstimator.CharsPerToken) + 60);
        }
        Assert.Equal(1, chunks[0].StartLine);
        Assert.Equal(200, chunks[^1].EndLine);
    }

    [Fact]
    public async Task Sync_AfterEditingOneFile_RechunksOnlyThatFile_AndEmbedsOnlyItsNewText()
    {
        await using var memory = await MemoryIndexFixture.StartAsync();
        memory.Write("MEMORY.md", "The owner's cat is called Miso.\n");
        memory.Write("memory/2026-12-01.md", Lines("first", 60));
        memory.Write("memory/2026-12-02.md", Lines("second", 60));
        await memory.SyncAsync();
        var embeddedBefore = memory.Llm.EmbeddedTexts.Count;

        File.AppendAllText(Path.Combine(memory.Workspace, "memory/2026-12-02.md"), "\nBought a new umbrella.\n");
        var result = await memory.SyncAsync();
        var again = await memory.SyncAsync();

        Assert.Equal(["memory/2026-12-02.md"], result.Indexed);
        Assert.Empty(result.Removed);
        Assert.False(again.Changed);
        var newlyEmbedded = memory.Llm.EmbeddedTexts.Skip(embeddedBefore).ToList();
        Assert.NotEmpty(newlyEmbedded);
        Assert.All(newlyEmbedded, t => Assert.Contains("umbrella", t, StringComparison.Ordinal));
        Assert.Equal("memory/2026-12-02.md", (await memory.SearchAsync("umbrella", 1))[0].Path);
    }

    [Fact]
    public async Task Sync_AfterDeletingAFile_RemovesItsChunks_AndSearchNoLongerFindsIt()
    {
        await using var memory = await MemoryIndexFixture.StartAsync();
        memory.Write("memory/2026-12-01.md", "Dentist appointment on Friday.\n");
        memory.Write("memory/2026-12-02.md", "Pay the electricity bill.\n");
        Assert.NotEmpty(await memory.SearchAsync("dentist"));

        File.Delete(Path.Combine(memory.Workspace, "memory/2026-12-01.md"));
        var hits = await memory.SearchAsync("dentist appointment");

        Assert.DoesNotContain(hits, h => h.Path == "memory/2026-12-01.md");
        Assert.Equal(1, memory.Store.ChunkCount("main"));
        Assert.DoesNotContain("memory/2026-12-01.md", memory.Store.Files("main").Keys);
    }

    // A fixed corpus: a.md is about the car without saying "car"; b.md says "car" once among unrelated words.
    private static void WriteCarCorpus(MemoryIndexFixture memory)
    {
        memory.Llm.Embeddings.Synonyms["automobile"] = "car";
        memory.Llm.Embeddings.Synonyms["volvo"] = "car";
        memory.Llm.Embeddings.Synonyms["vehicle"] = "car";
        memory.Write("memory/a.md", "Automobile notes: the Volvo automobile, vehicle service.\n");
        memory.Write("memory/b.md", "Shopping list: milk, eggs, bread, coffee, car, apples, cheese, butter, flour, sugar, salt, pepper, rice, beans.\n");
        memory.Write("memory/c.md", "Birthday party for Anna on Saturday.\n");
    }

    [Fact]
    public async Task HybridSearch_SemanticallyNearNote_OutranksAKeywordOnlyMatch()
    {
        await using var memory = await MemoryIndexFixture.StartAsync();
        WriteCarCorpus(memory);

        var hits = await memory.SearchAsync("car", 3);

        Assert.True(memory.Index.HasEmbeddings);
        Assert.Equal("memory/a.md", hits[0].Path);
        Assert.Equal(0, hits[0].TextScore);
        Assert.Equal("memory/b.md", hits[1].Path);
        Assert.Equal(1, hits[1].TextScore);
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [Fact]
    public async Task KeywordSearch_WithProviderNone_RanksByBm25_AndCallsNoEmbeddingsEndpoint()
    {
        await using var memory = await MemoryIndexFixture.StartAsync(provider: "none");
        WriteCarCorpus(memory);

        var car = await memory.SearchAsync("car", 3);
        var volvo = await memory.SearchAsync("volvo automobile", 3);

        Assert.False(memory.Index.HasEmbeddings);
        Assert.Equal("memory/b.md", Assert.Single(car).Path);
        Assert.Null(car[0].VectorScore);
        Assert.Equal("memory/a.md", volvo[0].Path);
        Assert.Empty(memory.Llm.EmbeddingRequests);
    }

    [Fact]
    public async Task Search_WhenTheEmbeddingsEndpointFails_FallsBackToKeywords()
    {
        await using var memory = await MemoryIndexFixture.StartAsync(configure: c => c with { RemoteBaseUrl = "http://127.0.0.1:9/v1" });
        WriteCarCorpus(memory);

        var hits = await memory.SearchAsync("car", 3);

        Assert.Equal("memory/b.md", Assert.Single(hits).Path);
        Assert.Null(hits[0].VectorScore);
    }

    [Fact]
    public async Task KeywordSearch_OnALargeIndex_LeavesOutWordsFoundInMostChunks_WhenRarerWordsMatch()
    {
        await using var memory = await MemoryIndexFixture.StartAsync(provider: "none");
        var chunks = Enumerable.Range(0, 1_200).Select(i => new MemoryStore.NewChunk(
            new MemoryChunk(i + 1, i + 1, i % 400 == 0 ? $"the meeting notes {i} mention the otter" : $"the meeting notes {i}"), null)).ToList();
        memory.Store.InsertChunks("main", "memory/big.md", chunks, null);
        memory.Store.InsertChunks("other-agent", "memory/big.md", [new MemoryStore.NewChunk(new MemoryChunk(1, 1, "the otter of another agent"), null)], null);

        var otter = await memory.SearchAsync("the otter meeting", 10);
        var missing = await memory.SearchAsync("the meeting zebra", 3);

        Assert.Equal(3, otter.Count);
        Assert.All(otter, h => Assert.Contains("otter", h.Text, StringComparison.Ordinal));
        Assert.DoesNotContain(otter, h => h.Text.Contains("another agent", StringComparison.Ordinal));
        Assert.Equal(3, missing.Count); // no rarer word matches: the common ones are kept
    }
}
