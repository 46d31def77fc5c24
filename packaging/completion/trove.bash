# SPDX-License-Identifier: MIT
# bash completion for trove                                  -*- shell-script -*-
# Installed as /usr/share/bash-completion/completions/trove. Commands are
# listed here; each command's options are read from `trove COMMAND --help`,
# so they never drift from what the binary accepts.

_trove_commands="add resume list show export tag tags tag-rename rename remove trash similar duplicates merge
not-duplicates rehash stats verify backup serve api-key help"

_trove()
{
    local cur prev words cword
    if declare -F _init_completion >/dev/null; then
        _init_completion || return
    else
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD - 1]}
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
    fi

    # The command word: the first word that is neither an option nor the
    # value of --library (options may come before the command).
    local i cmd=""
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
        --library) ((i++)) ;;
        -*) ;;
        *)
            cmd=${words[i]}
            break
            ;;
        esac
    done

    case $prev in
    --library)
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -d -- "$cur"))
        return
        ;;
    -o | --output)
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -f -- "$cur"))
        return
        ;;
    --sort)
        COMPREPLY=($(compgen -W "newest oldest name" -- "$cur"))
        return
        ;;
    --name | --tag | --search | --add | --remove | --port | --listen | --allow-origin | \
        --rate-limit | --per-host | --referer | --older-than | --distance)
        return # free text
        ;;
    esac

    if [[ -z $cmd ]]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "--library --json --help" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$_trove_commands" -- "$cur"))
        fi
        return
    fi

    if [[ $cur == -* ]]; then
        local options
        options=$("${words[0]}" "$cmd" --help 2>/dev/null | grep -o -- '--[a-z][a-z-]*' | sort -u)
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
        return
    fi

    case $cmd in
    add)
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -f -- "$cur"))
        ;;
    help)
        [[ ${words[cword - 1]} == help ]] &&
            COMPREPLY=($(compgen -W "$_trove_commands" -- "$cur"))
        ;;
    trash)
        [[ ${words[cword - 1]} == trash ]] &&
            COMPREPLY=($(compgen -W "list restore empty" -- "$cur"))
        ;;
    esac
}
complete -F _trove trove
