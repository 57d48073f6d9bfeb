-- Rotates the visitor over the seeded contacts c-0 … c-(CONTACTS-1), so every request asks
-- for a different person and no answer comes from a cache of the previous one.
local contacts = tonumber(os.getenv("CONTACTS") or "10000")

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
end

function init(args)
  math.randomseed(seed)
end

function request()
  return wrk.format("GET", wrk.path .. "&external_id=c-" .. math.random(0, contacts - 1))
end
