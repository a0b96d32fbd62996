using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace Mailing.Generators.Model;

internal static class EquatableArrayExtensions
{
    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items)
        where T : IEquatable<T> => new(items);

    public static ImmutableArray<T> ToImmutableArray<T>(this EquatableArray<T> items)
        where T : IEquatable<T> => System.Collections.Immutable.ImmutableArray.CreateRange(items);
}
