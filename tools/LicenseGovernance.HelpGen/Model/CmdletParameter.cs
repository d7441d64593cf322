using System.Collections.Generic;
using System.Linq;

namespace LicenseGovernance.HelpGen.Model
{
    /// <summary>One cmdlet parameter with every [Parameter] attribute it carries (one per parameter set).</summary>
    public sealed class CmdletParameter
    {
        /// <summary>The set name PowerShell gives a [Parameter] attribute that names no set.</summary>
        public const string AllParameterSets = "__AllParameterSets";

        public CmdletParameter(string name, string typeName, string shortTypeName, bool isSwitch, IReadOnlyList<string> aliases,
            IReadOnlyList<string> validValues, IReadOnlyList<ParameterBinding> bindings, bool isShouldProcessParameter)
        {
            Name = name;
            TypeName = typeName;
            ShortTypeName = shortTypeName;
            IsSwitch = isSwitch;
            Aliases = aliases;
            ValidValues = validValues;
            Bindings = bindings;
            IsShouldProcessParameter = isShouldProcessParameter;
        }

        public string Name { get; }

        /// <summary>Full name such as System.String[]; nullable value types show their underlying type, as PowerShell binds them.</summary>
        public string TypeName { get; }

        /// <summary>Name without namespace such as String[], the form Get-Help shows in a syntax line.</summary>
        public string ShortTypeName { get; }
        public bool IsSwitch { get; }
        public IReadOnlyList<string> Aliases { get; }

        /// <summary>[ValidateSet] values; empty when the parameter takes any value.</summary>
        public IReadOnlyList<string> ValidValues { get; }
        public IReadOnlyList<ParameterBinding> Bindings { get; }

        /// <summary>True for WhatIf and Confirm, which PowerShell adds itself when the cmdlet supports ShouldProcess.</summary>
        public bool IsShouldProcessParameter { get; }

        /// <summary>The binding in a set: the set's own attribute, else the attribute for all sets, else null.</summary>
        public ParameterBinding? BindingFor(string setName) =>
            Bindings.FirstOrDefault(b => b.SetName == setName) ?? Bindings.FirstOrDefault(b => b.SetName == AllParameterSets);

        public override string ToString() => "-" + Name;
    }
}
