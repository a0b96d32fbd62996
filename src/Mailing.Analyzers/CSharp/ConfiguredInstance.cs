using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Mailing.Analyzers.CSharp;

/// <summary>
/// One object being configured (an <c>SmtpClient</c>, an <c>SmtpOptions</c>) and every setting
/// written to it in the same code block: constructor arguments, object-initializer members, later
/// assignments through the same local, and assignments to the options parameter of a
/// <c>UseSmtp(o =&gt; ...)</c> lambda. Rules need the siblings: port 465 is wrong only with STARTTLS.
/// </summary>
internal sealed class ConfiguredInstance
{
    private readonly Dictionary<string, IOperation?> _settings = new(StringComparer.OrdinalIgnoreCase);
    private int _creations;

    private ConfiguredInstance(object key, IOperation root)
    {
        Key = key;
        Root = root;
    }

    /// <summary>The local, parameter or field holding the instance, or its initializer when unnamed.</summary>
    public object Key { get; }

    /// <summary>The outermost operation of the code block.</summary>
    public IOperation Root { get; }

    /// <summary>
    /// The one <c>new T(...)</c> in the block that made the instance; null when it was made elsewhere
    /// or more than once (then settings it never writes may have been written to another object).
    /// </summary>
    public IObjectCreationOperation? Creation { get; private set; }

    /// <summary>Finds the instance a property assignment's receiver refers to, and collects its settings.</summary>
    public static ConfiguredInstance? OfReceiver(IOperation? receiver, INamedTypeSymbol type)
    {
        if (receiver is null || KeyOf(receiver) is not { } key)
        {
            return null;
        }

        return Collect(key, RootOf(receiver), type);
    }

    /// <summary>Collects the settings of a newly created instance.</summary>
    public static ConfiguredInstance OfCreation(IObjectCreationOperation creation, INamedTypeSymbol type)
        => Collect(BoundSymbol(creation) ?? (object)creation, RootOf(creation), type);

    /// <summary>
    /// The value written to <paramref name="name"/> (a property, or a constructor parameter of the
    /// same name); null when never written or written more than once (then its value is unknown).
    /// </summary>
    public IOperation? Setting(string name) => _settings.TryGetValue(name, out var value) ? value : null;

    /// <summary>True when <paramref name="name"/> is written at all, known or not.</summary>
    public bool IsSet(string name) => _settings.ContainsKey(name);

    public static IOperation RootOf(IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }

    private static ConfiguredInstance Collect(object key, IOperation root, INamedTypeSymbol type)
    {
        var instance = new ConfiguredInstance(key, root);
        foreach (var operation in root.Descendants())
        {
            switch (operation)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: { } receiver } property } assignment
                    when MailSymbols.InheritsFrom(property.Property.ContainingType, type) || SymbolEqualityComparer.Default.Equals(receiver.Type, type):
                    if (KeyOf(receiver) is { } receiverKey && KeysEqual(receiverKey, key))
                    {
                        instance.Add(property.Property.Name, assignment.Value);
                    }

                    break;

                case IObjectCreationOperation creation when SymbolEqualityComparer.Default.Equals(creation.Type, type)
                    && KeysEqual(BoundSymbol(creation) ?? (object)creation, key):
                    instance.Creation = ++instance._creations == 1 ? creation : null;
                    foreach (var argument in creation.Arguments)
                    {
                        if (argument.Parameter is { } parameter && argument.ArgumentKind != ArgumentKind.DefaultValue)
                        {
                            instance.Add(parameter.Name, argument.Value);
                        }
                    }

                    break;
            }
        }

        return instance;
    }

    private void Add(string name, IOperation value)
        => _settings[name] = _settings.ContainsKey(name) ? null : value;

    private static object? KeyOf(IOperation receiver)
    {
        switch (ConstantValues.Unwrap(receiver))
        {
            case ILocalReferenceOperation local:
                return local.Local;
            case IParameterReferenceOperation parameter:
                return parameter.Parameter;
            case IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field:
                return field.Field;
            case IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation } property:
                return property.Property;
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } implicitReceiver:
                for (var current = implicitReceiver.Parent; current is not null; current = current.Parent)
                {
                    if (current is IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation creation })
                    {
                        return (object?)BoundSymbol(creation) ?? creation;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>The local or field a <c>new T(...)</c> is stored in.</summary>
    private static ISymbol? BoundSymbol(IObjectCreationOperation creation)
    {
        var current = ConstantValues.Wrapped(creation);
        return current.Parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment when assignment.Value == current => local.Local,
            ISimpleAssignmentOperation { Target: IFieldReferenceOperation field } assignment when assignment.Value == current => field.Field,
            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment when assignment.Value == current && property.Instance is null or IInstanceReferenceOperation => property.Property,
            _ => null,
        };
    }

    private static bool KeysEqual(object left, object right)
        => left is ISymbol leftSymbol && right is ISymbol rightSymbol
            ? SymbolEqualityComparer.Default.Equals(leftSymbol, rightSymbol)
            : ReferenceEquals(left, right);
}
