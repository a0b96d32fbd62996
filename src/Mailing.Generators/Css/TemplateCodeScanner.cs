using System;
using System.Collections.Generic;
using Scriban.Parsing;

namespace Mailing.Generators.Css;

/// <summary>Finds the code blocks of a Scriban template with Scriban's own lexer.</summary>
internal static class TemplateCodeScanner
{
    private static readonly HashSet<string> ControlKeywords = new(StringComparer.Ordinal)
    {
        "for", "if", "else", "end", "while", "case", "when", "tablerow", "capture", "with", "wrap",
        "func", "ret", "break", "continue",
    };

    public static List<TemplateCodeBlock> Scan(string template)
    {
        var blocks = new List<TemplateCodeBlock>();
        var start = -1;
        var kind = TemplateCodeKind.Output;
        var atStatementStart = false;
        foreach (var token in new Lexer(template))
        {
            switch (token.Type)
            {
                case TokenType.CodeEnter:
                case TokenType.EscapeEnter:
                    start = token.Start.Offset;
                    kind = TemplateCodeKind.Output;
                    atStatementStart = true;
                    break;
                case TokenType.CodeExit:
                case TokenType.EscapeExit:
                    if (start >= 0)
                    {
                        blocks.Add(new TemplateCodeBlock(start, token.End.Offset + 1, kind));
                    }

                    start = -1;
                    break;
                case TokenType.NewLine:
                case TokenType.SemiColon:
                    atStatementStart = true;
                    break;
                case TokenType.Identifier when start >= 0:
                    // Only a statement's first word is a keyword; `item.end` is a member.
                    if (atStatementStart)
                    {
                        var word = token.GetText(template);
                        if (word == "include")
                        {
                            kind = TemplateCodeKind.Include;
                        }
                        else if (kind == TemplateCodeKind.Output && ControlKeywords.Contains(word))
                        {
                            kind = TemplateCodeKind.Control;
                        }
                    }

                    atStatementStart = false;
                    break;
                default:
                    atStatementStart = false;
                    break;
            }
        }

        return blocks;
    }
}
