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

    private static readonly HashSet<string> ScopeOpeners = new(StringComparer.Ordinal)
    {
        "for", "if", "while", "case", "tablerow", "capture", "with", "wrap", "func",
    };

    public static List<TemplateCodeBlock> Scan(string template)
    {
        var blocks = new List<TemplateCodeBlock>();
        var start = -1;
        var kind = TemplateCodeKind.Output;
        var atStatementStart = false;
        var firstWordPending = false;
        var inAssignment = false;
        var writes = false;
        var scopeChange = 0;
        var switchesBranch = false;
        var tokens = new List<Token>(new Lexer(template));
        for (var index = 0; index < tokens.Count; index++)
        {
            var token = tokens[index];
            if (token.Type is TokenType.Comment or TokenType.CommentMulti)
            {
                continue;
            }

            // A statement's first word decides: `x = 1` assigns (writes nothing), anything else writes.
            if (firstWordPending && token.Type != TokenType.CodeExit)
            {
                firstWordPending = false;
                inAssignment = token.Type == TokenType.Equal;
                writes |= !inAssignment;
            }

            switch (token.Type)
            {
                case TokenType.CodeEnter:
                    start = token.Start.Offset;
                    kind = TemplateCodeKind.Output;
                    atStatementStart = true;
                    inAssignment = false;
                    writes = false;
                    scopeChange = 0;
                    switchesBranch = false;
                    break;
                case TokenType.EscapeEnter:
                    start = token.Start.Offset;
                    kind = TemplateCodeKind.Output;
                    writes = true;
                    break;
                case TokenType.CodeExit:
                case TokenType.EscapeExit:
                    writes |= firstWordPending;
                    firstWordPending = false;
                    if (start >= 0)
                    {
                        var blockKind = kind == TemplateCodeKind.Output && !writes ? TemplateCodeKind.Silent : kind;
                        blocks.Add(new TemplateCodeBlock(start, token.End.Offset + 1, blockKind, scopeChange, switchesBranch));
                    }

                    start = -1;
                    break;
                case TokenType.NewLine:
                case TokenType.SemiColon:
                    atStatementStart = true;
                    inAssignment = false;
                    break;
                case TokenType.Identifier when start >= 0 && atStatementStart:
                    // Only a statement's first word is a keyword; `item.end` is a member.
                    var word = token.GetText(template);
                    if (word == "include")
                    {
                        kind = TemplateCodeKind.Include;
                    }
                    else if (ControlKeywords.Contains(word) && !IsMemberAccess(tokens, index))
                    {
                        if (kind == TemplateCodeKind.Output)
                        {
                            kind = TemplateCodeKind.Control;
                        }

                        scopeChange += ScopeOpeners.Contains(word) ? 1 : word == "end" ? -1 : 0;
                        switchesBranch |= word is "else" or "when";
                    }
                    else
                    {
                        firstWordPending = true;
                    }

                    atStatementStart = false;
                    break;
                default:
                    writes |= start >= 0 && !inAssignment;
                    atStatementStart = false;
                    break;
            }
        }

        return blocks;
    }

    // `for.index`, `for.first` and friends name the loop's state: an expression, not a new loop.
    private static bool IsMemberAccess(List<Token> tokens, int index) =>
        index + 1 < tokens.Count && tokens[index + 1].Type == TokenType.Dot;
}
