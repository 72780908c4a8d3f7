_errcode() {
    local i cur prev opts cmd
    COMPREPLY=()
    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
        cur="$2"
    else
        cur="${COMP_WORDS[COMP_CWORD]}"
    fi
    prev="$3"
    cmd=""
    opts=""

    for i in "${COMP_WORDS[@]:0:COMP_CWORD}"
    do
        case "${cmd},${i}" in
            ",$1")
                cmd="errcode"
                ;;
            errcode,__complete)
                cmd="errcode__subcmd____complete"
                ;;
            errcode,catalog)
                cmd="errcode__subcmd__catalog"
                ;;
            errcode,catalogs)
                cmd="errcode__subcmd__catalogs"
                ;;
            errcode,completions)
                cmd="errcode__subcmd__completions"
                ;;
            errcode,family)
                cmd="errcode__subcmd__family"
                ;;
            errcode,grep)
                cmd="errcode__subcmd__grep"
                ;;
            errcode,help)
                cmd="errcode__subcmd__help"
                ;;
            errcode,list)
                cmd="errcode__subcmd__list"
                ;;
            errcode,lookup)
                cmd="errcode__subcmd__lookup"
                ;;
            errcode,scan)
                cmd="errcode__subcmd__scan"
                ;;
            errcode,status)
                cmd="errcode__subcmd__status"
                ;;
            errcode,vendors)
                cmd="errcode__subcmd__vendors"
                ;;
            errcode__subcmd__catalog,check)
                cmd="errcode__subcmd__catalog__subcmd__check"
                ;;
            errcode__subcmd__catalog,export)
                cmd="errcode__subcmd__catalog__subcmd__export"
                ;;
            errcode__subcmd__catalog,help)
                cmd="errcode__subcmd__catalog__subcmd__help"
                ;;
            errcode__subcmd__catalog,patterns)
                cmd="errcode__subcmd__catalog__subcmd__patterns"
                ;;
            errcode__subcmd__catalog__subcmd__help,check)
                cmd="errcode__subcmd__catalog__subcmd__help__subcmd__check"
                ;;
            errcode__subcmd__catalog__subcmd__help,export)
                cmd="errcode__subcmd__catalog__subcmd__help__subcmd__export"
                ;;
            errcode__subcmd__catalog__subcmd__help,help)
                cmd="errcode__subcmd__catalog__subcmd__help__subcmd__help"
                ;;
            errcode__subcmd__catalog__subcmd__help,patterns)
                cmd="errcode__subcmd__catalog__subcmd__help__subcmd__patterns"
                ;;
            errcode__subcmd__help,__complete)
                cmd="errcode__subcmd__help__subcmd____complete"
                ;;
            errcode__subcmd__help,catalog)
                cmd="errcode__subcmd__help__subcmd__catalog"
                ;;
            errcode__subcmd__help,catalogs)
                cmd="errcode__subcmd__help__subcmd__catalogs"
                ;;
            errcode__subcmd__help,completions)
                cmd="errcode__subcmd__help__subcmd__completions"
                ;;
            errcode__subcmd__help,family)
                cmd="errcode__subcmd__help__subcmd__family"
                ;;
            errcode__subcmd__help,grep)
                cmd="errcode__subcmd__help__subcmd__grep"
                ;;
            errcode__subcmd__help,help)
                cmd="errcode__subcmd__help__subcmd__help"
                ;;
            errcode__subcmd__help,list)
                cmd="errcode__subcmd__help__subcmd__list"
                ;;
            errcode__subcmd__help,lookup)
                cmd="errcode__subcmd__help__subcmd__lookup"
                ;;
            errcode__subcmd__help,scan)
                cmd="errcode__subcmd__help__subcmd__scan"
                ;;
            errcode__subcmd__help,status)
                cmd="errcode__subcmd__help__subcmd__status"
                ;;
            errcode__subcmd__help,vendors)
                cmd="errcode__subcmd__help__subcmd__vendors"
                ;;
            errcode__subcmd__help__subcmd__catalog,check)
                cmd="errcode__subcmd__help__subcmd__catalog__subcmd__check"
                ;;
            errcode__subcmd__help__subcmd__catalog,export)
                cmd="errcode__subcmd__help__subcmd__catalog__subcmd__export"
                ;;
            errcode__subcmd__help__subcmd__catalog,patterns)
                cmd="errcode__subcmd__help__subcmd__catalog__subcmd__patterns"
                ;;
            *)
                ;;
        esac
    done

    case "${cmd}" in
        errcode)
            opts="-h -V --vendor --lang --color --json --cards --no-pager --catalog --show-paths --help --version lookup status grep scan list catalogs vendors family catalog completions __complete help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 1 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --vendor)
                    COMPREPLY=($(compgen -W "huawei alibaba tencent jdcloud aws kong apisix google" -- "${cur}"))
                    return 0
                    ;;
                --lang)
                    COMPREPLY=($(compgen -W "en zh both" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        errcode__subcmd____complete)
            opts="-h --vendor --lang --color --json --cards --no-pager --catalog --help codes families vendors"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --vendor)
                    COMPREPLY=($(compgen -W "huawei alibaba tencent jdcloud aws kong apisix google" -- "${cur}"))
                    return 0
                    ;;
                --lang)
                    COMPREPLY=($(compgen -W "en zh both" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        errcode__subcmd__catalog)
            opts="-h --vendor --lang --color --json --cards --no-pager --catalog --help patterns export check help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --vendor)
                    COMPREPLY=($(compgen -W "huawei alibaba tencent jdcloud aws kong apisix google" -- "${cur}"))
                    return 0
                    ;;
                --lang)
                    COMPREPLY=($(compgen -W "en zh both" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        errcode__subcmd__catalog__subcmd__check)
            opts="-h --vendor --lang --color --json --cards --no-pager --catalog --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --vendor)
                    COMPREPLY=($(compgen -W "huawei alibaba tencent jdcloud aws kong apisix google" -- "${cur}"))
                    return 0
                    ;;
                --lang)
                    COMPREPLY=($(compgen -W "en zh both" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        errcode__subcmd__catalog__subcmd__export)
            opts="-h --format --vendor --lang --color --json --cards --no-pager --catalog --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --format)
                    COMPREPLY=($(compgen -W "json ndjson csv" -- "${cur}"))
                    return 0
                    ;;
                --vendor)
                    COMPREPLY=($(compgen -W "huawei alibaba tencent jdcloud aws kong apisix google" -- "${cur}"))
                    return 0
                    ;;
                --lang)
                    COMPREPLY=($(compgen -W "en zh both" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        errcode__subcmd__catalog__subcmd__help)
            opts="patterns export check help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        errcode__subcmd__catalog__subcmd__help__subcmd__check)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        errcode__subcmd__catalog__subcmd__help__subcmd__export)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        errcode__subcmd__catalog__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        errcode__subcmd__catalog__subcmd__help__subcmd__patterns)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        errcode__subcmd__catalog__subcmd__patterns)
            opts="-h --dialect --vendor --lang --color --json --cards --no-pager --catalog --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --dialect)
                    COMPREPLY=($(compgen -W "grep re2 pcre rust" -- "${cur}"))
                    return 0
                    ;;
                --vendor)
                    COMPREPLY=($(compgen -W "huawei alibaba tencent jdcloud aws kong apisix google" -- "${cur}"))
                    return 0
                    ;;
                --lang)
                    COMPREPLY=($(compgen -W "en zh both" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        errcode__subcmd__catalogs)
            opts="-h --vendor --lang --color --json --cards --no-pager --catalog --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --vendor)
                    COMPREPLY=($(compgen -W "huawei alibaba tencent jdcloud aws kong apisix google" -- "${cur}"))
                    return 0
                    ;;
                --lang)
                    COMPREPLY=($(compgen -W "en zh both" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        errcode__subcmd__completions)
            opts="-h --vendor --lang --color --json --cards --no-pager --catalog --help bash elvish fish powershell zsh"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --vendor)
                    COMPREPLY=($(compgen -W "huawei alibaba tencent jdcloud aws kong apisix google" -- "${cur}"))
                    return 0
                    ;;
                --lang)
                    COMPREPLY=($(compgen -W "en zh both" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        errcode__subcmd__family)
            opts="-h --vendor --lang --color --json --cards --no-pager --catalog --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --vendor)
                    COMPREPLY=($(compgen -W "huawei alibaba tencent jdcloud aws kong apisix google" -- "${cur}"))
                    return 0
                    ;;
                --lang)
                    COMPREPLY=($(compgen -W "en zh both" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        errcode__subcmd__grep)
            opts="-i -F -h --ignore-case --fixed-strings --vendor --lang --color --json --cards --no-pager --catalog --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --vendor)
                    COMPREPLY=($(compgen -W "huawei alibaba tencent jdcloud aws kong apisix google" -- "${cur}"))
                    return 0
                    ;;
                --lang)
                    COMPREPLY=($(compgen -W "en zh both" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        errcode__subcmd__help)
            opts="lookup status grep scan list catalogs vendors family catalog completions __complete help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        errcode__subcmd__help__subcmd____complete)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        errcode__subcmd__help__subcmd__catalog)
            opts="patterns export check"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        errcode__subcmd__help__subcmd__catalog__subcmd__check)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        errcode__subcmd__help__subcmd__catalog__subcmd__export)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        errcode__subcmd__help__subcmd__catalog__subcmd__patterns)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        errcode__subcmd__help__subcmd__catalogs)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        errcode__subcmd__help__subcmd__completions)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        errcode__subcmd__help__subcmd__family)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        errcode__subcmd__help__subcmd__grep)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        errcode__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        errcode__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        errcode__subcmd__help__subcmd__lookup)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        errcode__subcmd__help__subcmd__scan)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        errcode__subcmd__help__subcmd__status)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        errcode__subcmd__help__subcmd__vendors)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        errcode__subcmd__list)
            opts="-h --vendor --lang --color --json --cards --no-pager --catalog --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --vendor)
                    COMPREPLY=($(compgen -W "huawei alibaba tencent jdcloud aws kong apisix google" -- "${cur}"))
                    return 0
                    ;;
                --lang)
                    COMPREPLY=($(compgen -W "en zh both" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        errcode__subcmd__lookup)
            opts="-h --vendor --lang --color --json --cards --no-pager --catalog --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --vendor)
                    COMPREPLY=($(compgen -W "huawei alibaba tencent jdcloud aws kong apisix google" -- "${cur}"))
                    return 0
                    ;;
                --lang)
                    COMPREPLY=($(compgen -W "en zh both" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        errcode__subcmd__scan)
            opts="-r -c -z -j -h --recursive --count --summary --binary --search-zip --threads --vendor --lang --color --json --cards --no-pager --catalog --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --threads)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -j)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --vendor)
                    COMPREPLY=($(compgen -W "huawei alibaba tencent jdcloud aws kong apisix google" -- "${cur}"))
                    return 0
                    ;;
                --lang)
                    COMPREPLY=($(compgen -W "en zh both" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        errcode__subcmd__status)
            opts="-h --vendor --lang --color --json --cards --no-pager --catalog --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --vendor)
                    COMPREPLY=($(compgen -W "huawei alibaba tencent jdcloud aws kong apisix google" -- "${cur}"))
                    return 0
                    ;;
                --lang)
                    COMPREPLY=($(compgen -W "en zh both" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        errcode__subcmd__vendors)
            opts="-h --vendor --lang --color --json --cards --no-pager --catalog --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --vendor)
                    COMPREPLY=($(compgen -W "huawei alibaba tencent jdcloud aws kong apisix google" -- "${cur}"))
                    return 0
                    ;;
                --lang)
                    COMPREPLY=($(compgen -W "en zh both" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --catalog)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
    esac
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _errcode -o nosort -o bashdefault -o default errcode
else
    complete -F _errcode -o bashdefault -o default errcode
fi

# Values that errcode itself lists, so that the codes and vendors of the user's catalogs complete too:
# codes after `lookup` or a query (and as the first word, once something is typed), family ids after
# `family`, vendor ids after `--vendor`, and files and directories for `scan`.
_errcode_values() {
    _errcode "$@"
    local cur="${COMP_WORDS[COMP_CWORD]}" prev="" command="" positionals=0 i word what="" line keep=""
    local -a catalogs=()
    for (( i = 1; i < COMP_CWORD; i++ )); do
        word="${COMP_WORDS[i]}"
        case "${word}" in
            --catalog|--vendor|--lang|--color|--format|--dialect|--threads|-j)
                # The value is the next word (bash splits `--catalog=PATH` into `--catalog`, `=`, `PATH`),
                # a path as typed: `~` is not expanded in COMP_WORDS.
                [[ ${COMP_WORDS[i+1]} == = ]] && (( i++ ))
                (( i++ ))
                [[ ${word} == --catalog ]] && catalogs+=(--catalog "${COMP_WORDS[i]/#\~/$HOME}")
                ;;
            --catalog=*) catalogs+=("${word}") ;;
            -*) ;;
            *) if [[ -z ${command} ]]; then command="${word}"; else (( positionals++ )); fi ;;
        esac
    done
    (( COMP_CWORD > 0 )) && prev="${COMP_WORDS[COMP_CWORD-1]}"
    [[ ${prev} == = ]] && (( COMP_CWORD > 1 )) && prev="${COMP_WORDS[COMP_CWORD-2]}"
    case "${prev}" in
        --vendor) what=vendors ;;
        --lang|--color|--catalog|--format|--dialect|--threads|-j) return 0 ;;
    esac
    if [[ -z ${what} && ${cur} != -* ]]; then
        case "${command}" in
            lookup) what=codes ;;
            family) (( positionals == 0 )) && what=families ;;
            scan)
                COMPREPLY=()
                while IFS= read -r line; do COMPREPLY+=("${line}"); done < <(compgen -f -- "${cur}")
                compopt -o filenames 2>/dev/null
                return 0
                ;;
            status|grep|list|catalogs|vendors|catalog|completions|help) ;;
            # The first word: codes join the commands the generated function offers.
            "") [[ -n ${cur} ]] && what=codes && keep=1 ;;
            *) what=codes ;;
        esac
    fi
    [[ -z ${what} ]] && return 0
    [[ -n ${keep} ]] || COMPREPLY=()
    while IFS= read -r line; do
        COMPREPLY+=("${line}")
    done < <(compgen -W "$("${COMP_WORDS[0]}" __complete "${what}" "${catalogs[@]}" 2>/dev/null)" -- "${cur}")
    return 0
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _errcode_values -o nosort -o bashdefault -o default errcode
else
    complete -F _errcode_values -o bashdefault -o default errcode
fi
