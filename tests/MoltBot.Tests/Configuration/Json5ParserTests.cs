using MoltBot.Configuration.Json5;

namespace MoltBot.Tests.Configuration;

public sealed class Json5ParserTests
{
    [Fact]
    public void Parse_Json5Features_ReadsValues()
    {
        const string text = """
            // line comment
            {
              /* block
                 comment */
              unquoted: 'single \'quoted\'',
              "quoted": "double",
              $dollar_key: 1,
              hex: 0xFF,
              plus: +5,
              negative: -0x10,
              fraction: .5,
              trailingDot: 5.,
              exp: 1e3,
              list: [1, 2, 3,],
              nested: { a: null, b: true, c: false, },
              escapes: "tab\tnew\nline \u0041 \x42",
              continued: 'a\
            b',
            }
            """;

        var root = Assert.IsType<Json5Object>(Json5Parser.Parse(text));

        Assert.Equal("single 'quoted'", Str(root, "unquoted"));
        Assert.Equal("double", Str(root, "quoted"));
        Assert.Equal(1, Num(root, "$dollar_key").Integer);
        Assert.Equal(255, Num(root, "hex").Integer);
        Assert.Equal(5, Num(root, "plus").Integer);
        Assert.Equal(-16, Num(root, "negative").Integer);
        Assert.Equal(0.5, Num(root, "fraction").Value);
        Assert.Null(Num(root, "fraction").Integer);
        Assert.Equal(5.0, Num(root, "trailingDot").Value);
        Assert.Equal(1000.0, Num(root, "exp").Value);
        Assert.Equal(3, Assert.IsType<Json5Array>(root.Find("list")!.Value).Items.Count);
        var nested = Assert.IsType<Json5Object>(root.Find("nested")!.Value);
        Assert.IsType<Json5Null>(nested.Find("a")!.Value);
        Assert.True(Assert.IsType<Json5Boolean>(nested.Find("b")!.Value).Value);
        Assert.Equal("tab\tnew\nline A B", Str(root, "escapes"));
        Assert.Equal("ab", Str(root, "continued"));
        Assert.True(root.Find("quoted")!.Quoted);
        Assert.False(root.Find("unquoted")!.Quoted);
    }

    [Fact]
    public void Parse_Positions_RecordLineColumnAndSpan()
    {
        const string text = "{\n  // c\n  port: 18789,\n  name: 'x'\n}";

        var root = Assert.IsType<Json5Object>(Json5Parser.Parse(text));

        var port = root.Find("port")!;
        Assert.Equal((3, 3), (port.Line, port.Column));
        Assert.Equal((3, 9), (port.Value.Line, port.Value.Column));
        Assert.Equal("18789", text[port.Value.Start..port.Value.End]);
        Assert.Equal("'x'", text[root.Find("name")!.Value.Start..root.Find("name")!.Value.End]);
    }

    [Theory]
    [InlineData("{\n  a: 1\n  b: 2\n}", 3, 3, "expected ',' or '}'")]
    [InlineData("{\n  a: 'open\n}", 2, 11, "line break inside a string")]
    [InlineData("{\n  a: 1,\n  b: \n}", 4, 1, "expected a value")]
    [InlineData("{\n  a: [1, 2\n", 3, 1, "expected ',' or ']'")]
    [InlineData("{ a: Infinity }", 1, 6, "not supported")]
    [InlineData("{ a: bare }", 1, 6, "strings need quotes")]
    [InlineData("{ a: 1 } x", 1, 10, "expected end of input")]
    [InlineData("/* never closed", 1, 1, "unterminated block comment")]
    [InlineData("", 1, 1, "found end of input")]
    public void Parse_SyntaxError_ReportsLineColumnAndExpectation(string text, int line, int column, string expected)
    {
        var e = Assert.Throws<Json5SyntaxException>(() => Json5Parser.Parse(text));

        Assert.Equal((line, column), (e.Line, e.Column));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CrLfLineEndings_CountsLinesOnce()
    {
        var root = Assert.IsType<Json5Object>(Json5Parser.Parse("{\r\n\r\n  a: 1\r\n}"));

        Assert.Equal(3, root.Find("a")!.Line);
    }

    private static string Str(Json5Object o, string key) => Assert.IsType<Json5String>(o.Find(key)!.Value).Value;

    private static Json5Number Num(Json5Object o, string key) => Assert.IsType<Json5Number>(o.Find(key)!.Value);
}
