using MoltBot.Agent.Tools;

namespace MoltBot.Tests.Agent.Tools;

/// <summary>Tool schemas go out with every model request, as their raw text.</summary>
public sealed class ToolSchemaTests
{
    [Fact]
    public void Schema_DropsTheSourcesIndentation_AndKeepsItsTextReadable()
    {
        var schema = ToolArguments.Schema("""
            {
              "type": "object",
              "description": "Don't <guess>: café ✓",
              "properties": { "path": { "type": "string" } }
            }
            """);

        Assert.Equal("""{"type":"object","description":"Don't <guess>: café ✓","properties":{"path":{"type":"string"}}}""", schema.GetRawText());
    }
}
